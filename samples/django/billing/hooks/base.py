"""Base views for incoming notifications: subclasses only say what an event does.

The signed base verifies in dispatch(), which Django calls before post(), so every subclass
is covered without repeating the check; the plain base verifies nothing.
"""
import hashlib
import hmac
import json

from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt


@method_decorator(csrf_exempt, name="dispatch")
class NotificationView(View):
    def post(self, request, *args, **kwargs):  # expect: WH101, WH201
        event = json.loads(request.body)
        self.handle(event)
        return HttpResponse(status=204)

    def handle(self, event):
        raise NotImplementedError


class SignedNotificationView(NotificationView):
    secret_setting = "PARTNER_SIGNING_SECRET"

    def dispatch(self, request, *args, **kwargs):
        key = getattr(settings, self.secret_setting).encode()
        expected = hmac.new(key, request.body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, request.headers.get("X-Partner-Signature", "")):
            return HttpResponseForbidden()
        return super().dispatch(request, *args, **kwargs)


class LegacyNotificationView(View):
    """Older senders sign only when the deployment configured a secret."""

    def dispatch(self, request, *args, **kwargs):
        secret = getattr(settings, "LEGACY_SIGNING_SECRET", "")
        if secret:  # expect: WH105
            expected = hmac.new(secret.encode(), request.body, hashlib.sha256).hexdigest()
            if not hmac.compare_digest(expected, request.headers.get("X-Legacy-Signature", "")):
                return HttpResponseForbidden()
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):  # expect: WH201
        event = json.loads(request.body)
        return HttpResponse(event.get("status", ""), status=202)  # expect: WH501
