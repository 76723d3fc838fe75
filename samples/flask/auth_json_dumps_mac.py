"""Partner callbacks signed over the JSON document: re-serialising it breaks the MAC."""
import hashlib
import hmac
import json
import os

from flask import Flask, abort, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 256 * 1024

PARTNER_SECRET = os.environ["PARTNER_CALLBACK_SECRET"].encode()


def record_shipment(tracking):
    print("shipment", tracking)


@app.post("/partner/callback")
def partner_callback():  # expect: WH201
    data = request.get_json()  # expect: WH103
    body = json.dumps(data, separators=(",", ":"), sort_keys=True).encode()
    expected = hmac.new(PARTNER_SECRET, body, hashlib.sha256).hexdigest()  # expect: WH104
    if not hmac.compare_digest(expected, request.headers.get("X-Partner-Signature", "")):
        abort(401)
    record_shipment(data["tracking_number"])  # expect: WH501
    return "", 204


@app.post("/partner/callback/v2")
def partner_callback_v2():  # expect: WH201
    body = request.get_data()
    expected = hmac.new(PARTNER_SECRET, body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.headers.get("X-Partner-Signature", "")):
        abort(401)
    data = json.loads(body)
    record_shipment(data["tracking_number"])  # expect: WH501
    return "", 204
