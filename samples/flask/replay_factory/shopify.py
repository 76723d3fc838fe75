"""Shopify order webhooks: signed and de-duplicated on X-Shopify-Webhook-Id."""
import base64
import hashlib
import hmac
import os

from flask import Blueprint, abort, request

shopify_hooks = Blueprint("shopify_hooks", __name__)

SHOPIFY_SECRET = os.environ["SHOPIFY_WEBHOOK_SECRET"].encode()
_processed_webhooks = set()


@shopify_hooks.post("/orders/create")
def order_created():
    digest = hmac.new(SHOPIFY_SECRET, request.get_data(), hashlib.sha256).digest()
    if not hmac.compare_digest(base64.b64encode(digest).decode(), request.headers.get("X-Shopify-Hmac-Sha256", "")):
        abort(401)
    webhook_id = request.headers.get("X-Shopify-Webhook-Id", "")
    if webhook_id in _processed_webhooks:
        return "", 200
    _processed_webhooks.add(webhook_id)
    return "", 202
