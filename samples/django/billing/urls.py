from django.urls import path

from billing.hooks.views import LegacyStatusNotification, PartnerNotification, PaymentNotification

urlpatterns = [
    path("notifications/payments/", PaymentNotification.as_view()),
    path("notifications/partner/", PartnerNotification.as_view()),
    path("notifications/legacy/", LegacyStatusNotification.as_view()),
]
