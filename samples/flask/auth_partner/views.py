"""Partner delivery callbacks: verified by signing.require_partner_signature before use."""
from flask import Blueprint, jsonify, request

from .signing import require_partner_signature

partner = Blueprint("partner", __name__, url_prefix="/partner")


@partner.post("/deliveries")
def delivery_update():  # expect: WH201
    require_partner_signature()
    update = request.get_json()
    return jsonify(id=update["delivery_id"], state=update["state"])  # expect: WH501
