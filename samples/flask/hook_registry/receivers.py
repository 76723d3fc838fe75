import hashlib
import hmac
import os

from flask import abort, request

from .app import app
from .registry import integration, post_route

SHIPPING_SECRET = os.environ["SHIPPING_WEBHOOK_SECRET"]


@post_route("/hooks/chat")
def chat_events():  # expect: WH101, WH201
    payload = request.form["payload"]  # expect: WH501
    return {"ok": bool(payload)}


@integration("/hooks/shipping")
def shipping_events():  # expect: WH201
    signature = request.headers.get("X-Shipping-Signature", "")
    expected = hmac.new(SHIPPING_SECRET.encode(), request.get_data(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(signature, expected):
        abort(401)
    return {"ok": True}


def crm_events():  # expect: WH101, WH201
    event = request.get_json()
    return {"id": event["id"]}  # expect: WH501


def billing_events():  # expect: WH101, WH201
    return {"size": len(request.get_data())}


def status_page():
    return {"status": "ok"}


INBOUND = {"crm": crm_events, "billing": billing_events}

for name, view in INBOUND.items():
    app.add_url_rule(f"/hooks/{name}", f"inbound_{name}", view, methods=["POST"])

for rule, view in [("/status", status_page)]:
    app.add_url_rule(rule, "status", view)
