# Stripe's SDK verifies the signature; a failed check aborts before the payload is used.
import os

import stripe
from flask import Flask, abort, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 1 << 20
ENDPOINT_SECRET = os.environ["STRIPE_ENDPOINT_SECRET"]


def fulfil(session):
    print("fulfil", session)


@app.post("/stripe/checkout")
def checkout_hook():
    payload = request.get_data()
    try:
        event = stripe.Webhook.construct_event(payload, request.headers.get("Stripe-Signature"), ENDPOINT_SECRET)
    except ValueError:
        abort(400)
    except stripe.error.SignatureVerificationError:
        abort(400)
    fulfil(event["data"]["object"])
    return "", 200
