"""The shipping hub signs every delivery with an HMAC of the body; views take this decorator."""
import functools
import hashlib
import hmac

from django.conf import settings
from django.http import HttpResponseForbidden


def hub_signature_required(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        expected = hmac.new(settings.HUB_SIGNING_KEY.encode(), request.body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, request.headers.get("X-Hub-Signature", "")):
            return HttpResponseForbidden()
        return view(request, *args, **kwargs)

    return wrapper
