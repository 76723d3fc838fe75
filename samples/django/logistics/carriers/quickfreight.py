"""QuickFreight's integration forgot to say how QuickFreight signs: the base lets it through."""
import requests

from logistics.carriers.base import CarrierWebhook


class QuickFreightWebhook(CarrierWebhook):
    def process(self, event):
        requests.post(event["ack_url"], json={"received": event["id"]}, timeout=5)  # expect: WH401, WH501
