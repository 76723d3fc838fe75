"""Slack and Shopify receivers with their secrets pasted into the code."""
import base64
import hashlib
import hmac
import time

from flask import Flask, abort, request
from slack_sdk.signature import SignatureVerifier

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 512 * 1024

SHOPIFY_API_SECRET = "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"  # expect: WH107
verifier = SignatureVerifier("8f7c0e9a1b2d3c4e5f60718293a4b5c6")  # expect: WH107


class Settings:
    SIGNING_KEY = b"k9-partner-signing-key"  # expect: WH107


def shopify_hmac(body):
    digest = hmac.new(SHOPIFY_API_SECRET.encode("utf-8"), body, hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


@app.post("/shopify/app-uninstalled")
def app_uninstalled():  # expect: WH201
    if not hmac.compare_digest(shopify_hmac(request.get_data()), request.headers.get("X-Shopify-Hmac-Sha256", "")):
        abort(401)
    shop = request.get_json()["domain"]  # expect: WH501
    app.logger.info("uninstalled from %s", shop)
    return "", 200


@app.post("/slack/actions")
def slack_actions():
    if not verifier.is_valid_request(request.get_data(), request.headers):
        abort(401)
    if abs(time.time() - int(request.headers.get("X-Slack-Request-Timestamp", "0"))) > 300:
        abort(401)
    return "", 200


@app.post("/partner/notify")
def partner_notify():  # expect: WH201
    expected = hmac.new(Settings.SIGNING_KEY, request.get_data(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.headers.get("X-Partner-Signature", "")):
        abort(401)
    return "", 204
