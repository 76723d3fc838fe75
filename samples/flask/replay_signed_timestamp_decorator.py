"""Slack slash commands behind a decorator that checks a signed timestamp.

The decorator rejects a request whose X-Slack-Request-Timestamp is more than five minutes away
from the clock in either direction, and the timestamp is part of Slack's signed base string
(v0:{timestamp}:{body}), so a captured request can neither be replayed later nor re-stamped.
"""
import functools
import hashlib
import hmac
import os
import time

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 128 * 1024

SLACK_SIGNING_SECRET = os.environ["SLACK_SIGNING_SECRET"].encode()
MAX_SKEW_SECONDS = 5 * 60


def slack_request(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        timestamp = request.headers.get("X-Slack-Request-Timestamp", "")
        if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > MAX_SKEW_SECONDS:
            abort(400)
        base = b"v0:" + timestamp.encode() + b":" + request.get_data()
        expected = "v0=" + hmac.new(SLACK_SIGNING_SECRET, base, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, request.headers.get("X-Slack-Signature", "")):
            abort(401)
        return view(*args, **kwargs)

    return wrapper


@app.post("/slack/commands/deploy")
@slack_request
def deploy_command():
    return jsonify(response_type="ephemeral", text="deploy queued")
