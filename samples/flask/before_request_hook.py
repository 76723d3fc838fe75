"""Slack and Discord receivers verified by a before_request hook that skips other paths.

The hook returns early for requests outside /slack/, so it covers the Slack routes only; the
Discord interactions route is left without any check.
"""
import os
import time

from flask import Flask, abort, jsonify, request
from slack_sdk.signature import SignatureVerifier

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 64 * 1024
verifier = SignatureVerifier(os.environ["SLACK_SIGNING_SECRET"])


@app.before_request
def verify_slack_signature():
    if not request.path.startswith("/slack/"):
        return None
    if not verifier.is_valid_request(request.get_data(), request.headers):
        abort(401)
    return None


@app.post("/slack/events")
def slack_events():
    event = request.get_json()
    if event.get("type") == "url_verification":  # expect: WH501
        return jsonify(challenge=event["challenge"])
    return "", 200


@app.post("/slack/commands")
def slack_commands():
    return jsonify(text="received " + request.form["command"], ts=time.time())  # expect: WH501


@app.post("/discord/interactions")
def discord_interactions():  # expect: WH101, WH201
    interaction = request.get_json()
    if interaction["type"] == 1:  # expect: WH501
        return jsonify(type=1)
    return jsonify(type=4, data={"content": "ok"})
