"""Secrets loaded at run time: from the environment, the app config and a mounted file."""
import hashlib
import hmac
import os
from pathlib import Path

from flask import Flask, abort, current_app, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 512 * 1024
app.config["INTERCOM_CLIENT_SECRET"] = os.environ.get("INTERCOM_CLIENT_SECRET", "")

HUBSPOT_SECRET = os.getenv("HUBSPOT_APP_SECRET", "dev-only-secret")
ZENDESK_SECRET = Path("/run/secrets/zendesk_webhook").read_text().strip()


def valid(secret, body, header):
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, request.headers.get(header, ""))


@app.post("/hubspot/events")
def hubspot_events():  # expect: WH201
    if not valid(HUBSPOT_SECRET, request.get_data(), "X-HubSpot-Signature-v3"):
        abort(401)
    return "", 204


@app.post("/intercom/events")
def intercom_events():  # expect: WH201
    secret = current_app.config["INTERCOM_CLIENT_SECRET"]
    if not valid(secret, request.get_data(), "X-Hub-Signature"):
        abort(401)
    return "", 204


@app.post("/zendesk/events")
def zendesk_events():  # expect: WH201
    if not valid(ZENDESK_SECRET, request.get_data(), "X-Zendesk-Webhook-Signature"):
        abort(401)
    return "", 204
