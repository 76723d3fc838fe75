"""What every carrier integration derives from: post() fixes the order of the steps (check the
sender, parse, process) and each carrier's subclass says how its carrier signs and what an
event does.
"""
import json

from django.http import HttpResponse, HttpResponseForbidden
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import View


@method_decorator(csrf_exempt, name="dispatch")
class CarrierWebhook(View):
    def post(self, request, *args, **kwargs):  # expect: WH101, WH201
        if not self.signature_valid(request):
            return HttpResponseForbidden()
        event = json.loads(request.body)
        self.process(event)
        return HttpResponse(status=204)

    def signature_valid(self, request):  # expect: WH105
        """Carriers that sign override this; the ones that do not are let through."""
        return True

    def process(self, event):
        raise NotImplementedError
