"""Request signing shared by the partner views."""
import hashlib
import hmac
import os

from flask import abort, request

PARTNER_SECRET = os.environ["PARTNER_WEBHOOK_SECRET"].encode()


def require_partner_signature():
    """Aborts with 401 unless X-Partner-Signature is the HMAC-SHA256 of the raw body."""
    received = request.headers.get("X-Partner-Signature", "")
    expected = hmac.new(PARTNER_SECRET, request.get_data(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, received):
        abort(401)
