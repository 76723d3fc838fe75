"""RoadRunner sends a shared token, compared here as a plain string."""
from django.conf import settings

from logistics.carriers.base import CarrierWebhook
from logistics.models import Shipment


class RoadRunnerWebhook(CarrierWebhook):
    def signature_valid(self, request):
        return request.headers.get("X-RoadRunner-Token") == settings.ROADRUNNER_TOKEN  # expect: WH102

    def process(self, event):
        Shipment.objects.filter(tracking_number=event["tracking_number"]).update(delivered=True)  # expect: WH501
