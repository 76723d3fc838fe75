"""Mailgun inbound mail: no application-wide body limit, but the handler bounds the body itself.

The view rejects a declared Content-Length above 1 MiB before reading the form, checks that
the signed timestamp is recent, and verifies Mailgun's HMAC over timestamp + token.
"""
import hashlib
import hmac
import os
import time

from flask import Flask, abort, request

app = Flask(__name__)

MAILGUN_SIGNING_KEY = os.environ["MAILGUN_SIGNING_KEY"].encode()
MAX_MESSAGE_BYTES = 1024 * 1024


@app.post("/mailgun/inbound")
def mailgun_inbound():
    if request.content_length is None or request.content_length > MAX_MESSAGE_BYTES:
        abort(413)
    timestamp = request.form.get("timestamp", "0")
    token = request.form.get("token", "")
    if abs(time.time() - int(timestamp)) > 15 * 60:
        abort(400)
    expected = hmac.new(MAILGUN_SIGNING_KEY, (timestamp + token).encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.form.get("signature", "")):
        abort(401)
    return "", 204
