"""Stripe receiver on an application whose configuration class disables the body limit.

Stripe's SDK verifies the signature and rejects events older than its tolerance, but the
configuration turns MAX_CONTENT_LENGTH off, so any client can post an unbounded body that is
read in full before the signature is checked.
"""
import os

import stripe
from flask import Flask, abort, jsonify, request


class Config:
    STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
    MAX_CONTENT_LENGTH = None  # expect: WH302


app = Flask(__name__)
app.config.from_object(Config)


@app.post("/webhooks/stripe/payouts")
def stripe_payouts():
    try:
        event = stripe.Webhook.construct_event(
            request.get_data(), request.headers.get("Stripe-Signature", ""), app.config["STRIPE_WEBHOOK_SECRET"]
        )
    except (ValueError, stripe.error.SignatureVerificationError):
        abort(400)
    return jsonify(received=event["id"])
