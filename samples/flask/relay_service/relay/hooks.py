"""Receivers keyed by the instance configuration: two of its secrets are pasted into it."""
import hashlib
import hmac
import time

from flask import abort, current_app, request

from relay import app


def fresh(stamp):
    return abs(time.time() - int(stamp or 0)) <= 300


def signed(secret, stamp):
    body = stamp.encode() + b"." + request.get_data()
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, request.headers.get("X-Relay-Signature", ""))


@app.post("/hooks/orders")
def orders():
    stamp = request.headers.get("X-Relay-Timestamp", "")
    if not fresh(stamp):
        abort(401)
    body = stamp.encode() + b"." + request.get_data()
    expected = hmac.new(current_app.config["ORDERS_WEBHOOK_SECRET"].encode(), body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.headers.get("X-Relay-Signature", "")):
        abort(401)
    return "", 204


@app.post("/hooks/ops")
def ops():
    if not fresh(request.headers.get("X-Relay-Timestamp")):
        abort(401)
    if not hmac.compare_digest(request.headers.get("X-Ops-Token", ""), current_app.config.get("OPS_TOKEN", "")):
        abort(401)
    return "", 204


@app.post("/hooks/billing")
def billing():
    stamp = request.headers.get("X-Relay-Timestamp", "")
    if not fresh(stamp) or not signed(app.config["BILLING_WEBHOOK_SECRET"], stamp):
        abort(401)
    return "", 204


@app.post("/hooks/partner")
def partner():
    stamp = request.headers.get("X-Relay-Timestamp", "")
    if not fresh(stamp) or not signed(app.config["PARTNER_WEBHOOK_SECRET"], stamp):
        abort(401)
    return "", 204


@app.post("/hooks/refunds")
def refunds():
    stamp = request.headers.get("X-Relay-Timestamp", "")
    if not fresh(stamp) or not signed(current_app.config.get("REFUNDS_WEBHOOK_SECRET"), stamp):
        abort(401)
    return "", 204


@app.post("/hooks/sandbox")
def sandbox():
    stamp = request.headers.get("X-Relay-Timestamp", "")
    if not fresh(stamp) or not signed(app.config["SANDBOX_WEBHOOK_SECRET"], stamp):
        abort(401)
    return "", 204
