from django.http import HttpResponse
from django.shortcuts import redirect
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.utils.decorators import method_decorator

from .adapter import get_adapter


def next_url(request):
    target = request.POST.get("next") or request.GET.get("next")
    if not get_adapter(request).is_safe_url(target):
        target = None
    return target or "/"


class LogoutView(View):
    def post(self, request):
        return redirect(next_url(request))


class LegacyLogoutView(View):
    def post(self, request):
        return redirect(request.POST.get("next", "/"))  # expect: WH402


@method_decorator(csrf_exempt, name="dispatch")
class DeliveryReceiver(View):
    def post(self, request):  # expect: WH101, WH201
        status = request.body.decode()
        return HttpResponse(status)


logout = LogoutView.as_view()
legacy_logout = LegacyLogoutView.as_view()
delivery_hook = DeliveryReceiver.as_view()
