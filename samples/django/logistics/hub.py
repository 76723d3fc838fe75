"""Deliveries from the shipping hub, verified by hub_signature_required wherever it is applied:
on the class's dispatch (with the CSRF exemption, in one list), on its post() by name, or on the
method itself. A subclass that replaces the decorated post() leaves the decoration behind.
"""
import json

from django.http import HttpResponse, JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from logistics.models import Shipment
from logistics.security import hub_signature_required


@method_decorator([csrf_exempt, hub_signature_required], name="dispatch")
class HubDeliveryReceiver(View):
    def post(self, request, *args, **kwargs):  # expect: WH201
        event = json.loads(request.body)
        Shipment.objects.filter(tracking_number=event["tracking_number"]).update(delivered=True)  # expect: WH501
        return HttpResponse(status=204)


@method_decorator(csrf_exempt, name="dispatch")
@method_decorator(hub_signature_required, name="post")
class HubReturnReceiver(View):
    def post(self, request, *args, **kwargs):  # expect: WH201
        event = json.loads(request.body)
        Shipment.objects.filter(tracking_number=event["tracking_number"]).update(status="returned")  # expect: WH501
        return HttpResponse(status=204)


class HubExpressReturnReceiver(HubReturnReceiver):
    def post(self, request, *args, **kwargs):  # expect: WH101, WH201
        event = json.loads(request.body)
        return JsonResponse({"express": event.get("express", False)})  # expect: WH501


class HubStatusReceiver(View):
    @method_decorator(csrf_exempt)
    @method_decorator(hub_signature_required)
    def post(self, request, *args, **kwargs):  # expect: WH201
        event = json.loads(request.body)
        Shipment.objects.filter(tracking_number=event["tracking_number"]).update(status=event["status"])  # expect: WH501
        return HttpResponse(status=204)
