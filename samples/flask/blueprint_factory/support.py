"""Help-desk callbacks; nothing verifies them."""
from flask import Blueprint, jsonify, request

support = Blueprint("support", __name__)


@support.post("/ticket-callback")
def ticket_callback():  # expect: WH101, WH201
    ticket = request.get_json()
    return jsonify(id=ticket["id"], status="queued")  # expect: WH501
