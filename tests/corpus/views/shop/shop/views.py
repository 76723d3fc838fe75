"""Shop views: plain Django function views and a class-based view."""
import json

import requests
from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.decorators.http import require_POST


def fetch_logo(request):
    logo = request.GET.get("logo_url")
    return HttpResponse(requests.get(logo, timeout=5).content)  # expect: WH401


def fetch_logo_safe(request):  # safe: WH401
    logo = request.GET.get("logo_url", "")
    if not url_has_allowed_host_and_scheme(logo, allowed_hosts=settings.LOGO_HOSTS, require_https=True):
        return HttpResponse(status=400)
    return HttpResponse(requests.get(logo, timeout=5).content)


@require_POST
def import_feed(request):
    data = json.loads(request.body)
    feed = data["feed_url"]
    return JsonResponse({"size": len(requests.get(feed).content)})  # expect: WH401, WH403


def after_checkout(request):
    return HttpResponseRedirect(request.GET["next"])  # expect: WH402


def after_checkout_safe(request):  # safe: WH402
    nxt = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}):
        nxt = "/"
    return HttpResponseRedirect(nxt)


def after_login(request):
    return redirect(request.POST.get("next", "/"))  # expect: WH402


def partner_page(request, name):  # safe: WH402
    return redirect("/partners/" + name + "/")


class StoreApiView(View):
    def get(self, request):
        endpoint = request.GET["endpoint"]
        return JsonResponse(requests.get(endpoint, timeout=5).json())  # expect: WH401

    def post(self, request):
        token = request.headers.get("X-Store-Token", "")
        if token != settings.STORE_API_TOKEN:  # expect: WH102
            return HttpResponse(status=401)
        return JsonResponse({"ok": True})
