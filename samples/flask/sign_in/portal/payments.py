"""A payment provider's server calls this one: no browser, no session."""
import logging

from flask import Blueprint, jsonify, request

bp = Blueprint("payments", __name__)
log = logging.getLogger(__name__)


@bp.post("/payments/callback")
def payment_callback():  # expect: WH101, WH201
    event = request.get_json()
    log.info("payment %s is %s", event["id"], event["status"])  # expect: WH501
    return jsonify(received=True)
