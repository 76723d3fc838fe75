"""Stripe webhook receiver that trusts whatever is posted to it.

Anyone who finds the URL can mark orders as paid: nothing checks the Stripe-Signature header.
"""
import os

import stripe
from flask import Flask, jsonify, request

from .orders import mark_paid, send_receipt

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 512 * 1024
stripe.api_key = os.environ["STRIPE_API_KEY"]


@app.route("/webhook/stripe", methods=["POST"])
def stripe_webhook():  # expect: WH101, WH201
    event = request.get_json()
    kind = event["type"]  # expect: WH501
    if kind == "checkout.session.completed":
        session = event["data"]["object"]
        mark_paid(session["client_reference_id"], session["amount_total"])
    elif kind == "invoice.paid":
        send_receipt(event["data"]["object"]["customer_email"])
    return jsonify(received=True)
