# Verification through helpers of another module, imported as a module and by name.
from flask import Flask, jsonify, request

from . import signatures
from .signatures import reject_unless_signed

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 1 << 20


@app.post("/hooks/shipping")
def shipping_hook():  # expect: WH201
    reject_unless_signed()
    update = request.get_json()
    return jsonify(tracking=update["tracking"])  # expect: WH501


@app.post("/hooks/returns")
def returns_hook():  # expect: WH201
    if not signatures.is_signed(request.get_data(), request.headers.get("X-Signature", "")):
        return jsonify(error="bad signature"), 401
    update = request.get_json()
    return jsonify(rma=update["rma"])  # expect: WH501


@app.post("/hooks/inventory")
def inventory_hook():  # expect: WH101, WH201
    # The helper only logs: no verification anywhere.
    signatures.log_delivery(request.headers.get("X-Delivery", ""))
    update = request.get_json()
    return jsonify(sku=update["sku"])  # expect: WH501
