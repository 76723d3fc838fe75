"""The billing provider signs each delivery with HMAC-SHA256 over the raw body."""
import hashlib
import hmac
import os

from flask import request


def verify_billing_signature():
    """before_request hook: returning a response rejects the request."""
    secret = os.environ["BILLING_WEBHOOK_SECRET"].encode()
    expected = hmac.new(secret, request.get_data(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.headers.get("X-Billing-Signature", "")):
        return {"error": "invalid signature"}, 401
    return None
