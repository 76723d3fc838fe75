# The signature is checked for one event type only; the other branch acts on forged data.
import hashlib
import hmac
import os

from flask import Flask, abort, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 1 << 20
SECRET = os.environ["HOOK_SECRET"].encode()


def apply_refund(order, amount):
    print("refund", order, amount)


def record_event(kind, payload):
    print(kind, payload)


@app.post("/hooks/payments")
def payments_hook():  # expect: WH101, WH201
    event = request.get_json()  # expect: WH103
    if event["type"] == "refund":  # expect: WH501
        expected = hmac.new(SECRET, request.get_data(), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, request.headers.get("X-Signature", "")):
            abort(401)
        apply_refund(event["order"], event["amount"])
    else:
        record_event(event["type"], event)
    return "", 204
