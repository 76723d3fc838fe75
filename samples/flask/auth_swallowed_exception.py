"""Stripe receiver that logs a bad signature and processes the event anyway."""
import logging
import os

import stripe
from flask import Flask, jsonify, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024
log = logging.getLogger(__name__)

ENDPOINT_SECRET = os.environ["STRIPE_ENDPOINT_SECRET"]


def fulfil(order_id):
    log.info("fulfilling %s", order_id)


@app.post("/webhooks/stripe/checkout")
def checkout_completed():
    payload = request.get_data()
    signature = request.headers.get("Stripe-Signature", "")
    try:
        stripe.Webhook.construct_event(payload, signature, ENDPOINT_SECRET)  # expect: WH105
    except Exception as exc:
        log.warning("stripe signature check failed: %s", exc)
    event = request.get_json()
    if event["type"] == "checkout.session.completed":  # expect: WH501
        fulfil(event["data"]["object"]["client_reference_id"])
    return jsonify(received=True)


@app.post("/webhooks/stripe/invoices")
def invoice_events():
    try:
        event = stripe.Webhook.construct_event(
            request.get_data(), request.headers.get("Stripe-Signature", ""), ENDPOINT_SECRET
        )
    except ValueError:
        return "invalid payload", 400
    except stripe.error.SignatureVerificationError:
        return "invalid signature", 400
    if event["type"] == "invoice.paid":
        fulfil(event["data"]["object"]["id"])
    return jsonify(received=True)
