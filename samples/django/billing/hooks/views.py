"""Notification endpoints: one class per sender, each on the base that matches how it signs."""
from billing.models import Order

from .base import LegacyNotificationView, NotificationView, SignedNotificationView


class PaymentNotification(NotificationView):
    def handle(self, event):
        Order.objects.filter(reference=event["reference"]).update(paid=True)


class PartnerNotification(SignedNotificationView):
    def handle(self, event):
        Order.objects.filter(reference=event["reference"]).update(shipped=True)


class LegacyStatusNotification(LegacyNotificationView):
    pass
