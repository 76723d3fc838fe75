"""Notification endpoints: one class per sender, each on the base that matches how it signs."""
from billing.models import Order

from .base import LegacyNotificationView, NotificationView, SignedNotificationView


class PaymentNotification(NotificationView):
    def handle(self, event):
        Order.objects.filter(reference=event["reference"]).update(paid=True)  # expect: WH501


class PartnerNotification(SignedNotificationView):
    def handle(self, event):
        Order.objects.filter(reference=event["reference"]).update(shipped=True)  # expect: WH501


class LegacyStatusNotification(LegacyNotificationView):
    pass
