"""Storefront order and refund webhooks. Both verify the platform's HMAC; the order handler
then trusts the payload far more than the signature justifies."""
import base64
import hashlib
import hmac
import os
import pickle

import requests
from flask import Flask, abort, request
from pydantic import BaseModel

from .shop_models import Order, Shop, db

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 256 * 1024
SHOP_SECRET = os.environ["SHOP_WEBHOOK_SECRET"].encode()
FULFILLMENT_API = "https://fulfillment.example/api/orders"


class RefundEvent(BaseModel):
    order_id: int
    amount_cents: int
    reason: str = ""


def verify_shop_signature():
    expected = hmac.new(SHOP_SECRET, request.get_data(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.headers.get("X-Shop-Hmac-Sha256", "")):
        abort(401)


@app.route("/webhooks/shop/orders", methods=["POST"])
def shop_order_webhook():  # expect: WH201
    verify_shop_signature()
    data = request.get_json()
    # The signature proves the platform sent this, not that the order belongs to this shop.
    order = Order.query.get(data["order_id"])  # expect: WH501, WH502
    order.status = data["status"]
    cart = pickle.loads(base64.b64decode(data["cart_state"]))  # expect: WH503
    requests.post(FULFILLMENT_API, json={"order": order.id, "items": cart})  # expect: WH403
    db.session.commit()
    return "", 204


@app.route("/webhooks/shop/refunds", methods=["POST"])
def shop_refund_webhook():
    verify_shop_signature()
    refund = RefundEvent.model_validate(request.get_json())
    shop = Shop.query.filter_by(domain=request.headers["X-Shop-Domain"]).first_or_404()
    order = Order.query.filter_by(id=refund.order_id, shop_id=shop.id).first_or_404()
    order.refunded_cents += refund.amount_cents
    requests.post(FULFILLMENT_API + "/refunds", json={"order": order.id}, timeout=10)
    db.session.commit()
    return "", 204
