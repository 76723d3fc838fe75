"""Mailgun event webhooks sign fields of the payload, not the body.

The JSON document carries a `signature` object (timestamp, token, signature); the receiver
checks the timestamp against the clock and an HMAC over timestamp + token. Reading those
three fields is the verification itself, so WH501 stays silent about them; the event data the
handler then acts on is a use of the payload and wants a schema.
"""
import hashlib
import hmac
import os
import time

from flask import Flask, abort, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024

SIGNING_KEY = os.environ["MAILGUN_SIGNING_KEY"].encode()


def signature_is_valid(timestamp, token, signature):
    if abs(time.time() - int(timestamp)) > 300:
        return False
    mac = hmac.new(SIGNING_KEY, digestmod=hashlib.sha256)
    mac.update(f"{timestamp}{token}".encode())
    return hmac.compare_digest(mac.hexdigest(), signature)


def record_delivery(recipient):
    print("delivered to", recipient)


@app.post("/mailgun/opened")
def opened():
    signed = request.get_json()["signature"]
    if not signature_is_valid(signed["timestamp"], signed["token"], signed["signature"]):
        abort(401)
    return "", 204


@app.post("/mailgun/delivered")
def delivered():
    body = request.get_json()  # expect: WH103
    signed = body["signature"]
    if not signature_is_valid(signed["timestamp"], signed["token"], signed["signature"]):
        abort(401)
    event = body["event-data"]  # expect: WH501
    record_delivery(event["recipient"])
    return "", 204
