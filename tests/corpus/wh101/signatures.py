# Helpers of cross_module_helpers.py.
import hashlib
import hmac
import logging
import os

from flask import abort, request

SECRET = os.environ.get("SHIPPING_SECRET", "").encode()
log = logging.getLogger(__name__)


def is_signed(body, signature):
    expected = hmac.new(SECRET, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


def reject_unless_signed():
    if not is_signed(request.get_data(), request.headers.get("X-Signature", "")):
        abort(401)


def log_delivery(delivery_id):
    log.info("delivery %s", delivery_id)
