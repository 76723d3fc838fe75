from django.urls import path

from logistics.carriers.parcelbird import ParcelBirdWebhook
from logistics.carriers.quickfreight import QuickFreightWebhook
from logistics.carriers.roadrunner import RoadRunnerWebhook
from logistics.customer_views import (
    ContactView,
    EventRegistrationView,
    NotificationPreferencesView,
    QuoteRequestView,
)
from logistics.hub import HubDeliveryReceiver, HubExpressReturnReceiver, HubReturnReceiver, HubStatusReceiver
from logistics.receivers import DeliveryNotice, TrackingEventReceiver

urlpatterns = [
    path("carriers/tracking/", TrackingEventReceiver.as_view()),
    path("carriers/delivered/", DeliveryNotice.as_view()),
    path("carriers/parcelbird/", ParcelBirdWebhook.as_view()),
    path("carriers/quickfreight/", QuickFreightWebhook.as_view()),
    path("carriers/roadrunner/", RoadRunnerWebhook.as_view()),
    path("hub/deliveries/", HubDeliveryReceiver.as_view()),
    path("hub/returns/", HubReturnReceiver.as_view()),
    path("hub/returns/express/", HubExpressReturnReceiver.as_view()),
    path("hub/status/", HubStatusReceiver.as_view()),
    path("contact/", ContactView.as_view()),
    path("account/notifications/", NotificationPreferencesView.as_view(), name="notification-preferences"),
    path("events/open-day/register/", EventRegistrationView.as_view()),
    path("quotes/new/", QuoteRequestView.as_view()),
]
