from django.urls import path

from logistics.customer_views import (
    ContactView,
    EventRegistrationView,
    NotificationPreferencesView,
    QuoteRequestView,
)
from logistics.receivers import DeliveryNotice, TrackingEventReceiver

urlpatterns = [
    path("carriers/tracking/", TrackingEventReceiver.as_view()),
    path("carriers/delivered/", DeliveryNotice.as_view()),
    path("contact/", ContactView.as_view()),
    path("account/notifications/", NotificationPreferencesView.as_view(), name="notification-preferences"),
    path("events/open-day/register/", EventRegistrationView.as_view()),
    path("quotes/new/", QuoteRequestView.as_view()),
]
