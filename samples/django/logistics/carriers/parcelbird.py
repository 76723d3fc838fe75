"""ParcelBird signs each delivery with an HMAC of the body."""
import hashlib
import hmac

from django.conf import settings

from logistics.carriers.base import CarrierWebhook
from logistics.models import Shipment


class ParcelBirdWebhook(CarrierWebhook):
    def signature_valid(self, request):
        key = settings.PARCELBIRD_SIGNING_KEY.encode()
        expected = hmac.new(key, request.body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, request.headers.get("X-ParcelBird-Signature", ""))

    def process(self, event):
        shipment = Shipment.objects.get(tracking_number=event["tracking_number"])  # expect: WH501
        shipment.status = event["status"]
        shipment.save()
