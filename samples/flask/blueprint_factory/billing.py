"""Billing provider webhooks; the blueprint's before_request hook verifies them."""
from flask import Blueprint, jsonify, request

from ..orders import mark_paid

billing = Blueprint("billing", __name__)


@billing.route("/events", methods=["POST"])
def billing_events():  # expect: WH201
    event = request.get_json()
    mark_paid(event["invoice"], event["amount"])  # expect: WH501
    return jsonify(ok=True)
