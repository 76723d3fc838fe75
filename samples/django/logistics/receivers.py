"""Carrier callbacks, each written on the generic view its author started from.

The tracking page shows a shipment's events on GET and takes the carrier's JSON on POST; the
delivery notice is a form-encoded POST on a form view, exempt from CSRF by the class's
method_decorator. Neither checks who sent it.
"""
import json

from django.http import HttpResponse, JsonResponse
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView
from django.views.generic.edit import BaseFormView

from logistics.models import Shipment


class TrackingEventReceiver(TemplateView):
    template_name = "logistics/tracking.html"

    def post(self, request, *args, **kwargs):  # expect: WH101, WH201
        event = json.loads(request.body)
        Shipment.objects.filter(tracking_number=event["tracking_number"]).update(status=event["status"])  # expect: WH501
        return JsonResponse({"received": True})


@method_decorator(csrf_exempt, name="dispatch")
class DeliveryNotice(BaseFormView):
    def post(self, request, *args, **kwargs):  # expect: WH101, WH201
        Shipment.objects.filter(tracking_number=request.POST["tracking"]).update(delivered=True)  # expect: WH501
        return HttpResponse("ok")
