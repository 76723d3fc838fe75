"""Inventory sync webhook whose freshness check reads a timestamp the signature does not cover.

The sender signs only the body. An attacker who captured one delivery resends the same body
and signature with a fresh X-Inventory-Timestamp, and the five-minute check passes.
"""
import hashlib
import hmac
import os
import time

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 512 * 1024

INVENTORY_SECRET = os.environ["INVENTORY_WEBHOOK_SECRET"].encode()


def body_signature(body):
    return hmac.new(INVENTORY_SECRET, body, hashlib.sha256).hexdigest()


@app.post("/webhooks/inventory")
def inventory_sync():
    sent = request.headers.get("X-Inventory-Timestamp", "0")  # expect: WH202
    if abs(time.time() - float(sent)) > 300:
        abort(400)
    body = request.get_data()
    if not hmac.compare_digest(body_signature(body), request.headers.get("X-Inventory-Signature", "")):
        abort(401)
    return jsonify(synced=True)
