"""Receivers whose signature checks can be bypassed, next to the fixed versions."""
import hashlib
import hmac
import logging
import os

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 512 * 1024
log = logging.getLogger("hooks")

SECRET = os.environ.get("SQUARE_WEBHOOK_SECRET", "").encode()
OPTIONAL_SECRET = os.environ.get("PADDLE_WEBHOOK_SECRET")


def expected_signature(body):
    return hmac.new(SECRET, body, hashlib.sha256).hexdigest()


def signature_ok(body, header):
    if not header:  # expect: WH105
        return True
    return hmac.compare_digest(expected_signature(body), header)


def verify_signature(req):  # expect: WH105
    """Placeholder until the provider's key rotation lands."""
    return True


def enqueue(kind, event):
    log.info("queued %s %s", kind, event.get("id"))  # expect: WH501


@app.post("/square/payments")
def square_payments():  # expect: WH201
    sig = request.headers.get("X-Square-Hmacsha256-Signature")
    if sig and not hmac.compare_digest(expected_signature(request.get_data()), sig):  # expect: WH105
        abort(401)
    enqueue("payment", request.get_json())
    return jsonify(ok=True)


@app.post("/square/refunds")
def square_refunds():  # expect: WH201
    if not signature_ok(request.get_data(), request.headers.get("X-Square-Hmacsha256-Signature", "")):
        abort(401)
    enqueue("refund", request.get_json())
    return jsonify(ok=True)


@app.post("/paddle/subscriptions")
def paddle_subscriptions():  # expect: WH201
    if OPTIONAL_SECRET:  # expect: WH105
        expected = hmac.new(OPTIONAL_SECRET.encode(), request.get_data(), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, request.headers.get("Paddle-Signature", "")):
            abort(401)
    enqueue("subscription", request.get_json())
    return jsonify(ok=True)


@app.post("/paddle/transactions")
def paddle_transactions():  # expect: WH201
    valid = hmac.compare_digest(  # expect: WH105
        expected_signature(request.get_data()), request.headers.get("Paddle-Signature", "")
    )
    log.info("signature valid: %s", valid)
    enqueue("transaction", request.get_json())
    return jsonify(ok=True)


@app.post("/paddle/adjustments")
def paddle_adjustments():  # expect: WH201
    valid = hmac.compare_digest(expected_signature(request.get_data()), request.headers.get("Paddle-Signature", ""))
    if not valid:  # expect: WH105
        log.warning("bad paddle signature from %s", request.remote_addr)
    enqueue("adjustment", request.get_json())
    return jsonify(ok=True)


@app.post("/paddle/payouts")
def paddle_payouts():  # expect: WH101, WH201
    verify_signature(request)
    enqueue("payout", request.get_json())
    return jsonify(ok=True)


@app.post("/square/disputes")
def square_disputes():  # expect: WH201
    sig = request.headers.get("X-Square-Hmacsha256-Signature", "")
    if not sig or not hmac.compare_digest(expected_signature(request.get_data()), sig):
        abort(401)
    enqueue("dispute", request.get_json())
    return jsonify(ok=True)
