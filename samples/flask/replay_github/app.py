"""GitHub push hook: verified with the shared secret, de-duplicated on X-GitHub-Delivery."""
import hashlib
import hmac
import os

from flask import Flask, abort, jsonify, request

from .deliveries import seen_before

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 5 * 1024 * 1024

GITHUB_SECRET = os.environ["GITHUB_WEBHOOK_SECRET"].encode()


@app.post("/hooks/github/push")
def github_push_events():
    body = request.get_data()
    expected = "sha256=" + hmac.new(GITHUB_SECRET, body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.headers.get("X-Hub-Signature-256", "")):
        abort(401)
    delivery = request.headers.get("X-GitHub-Delivery", "")
    if seen_before(delivery):
        return jsonify(duplicate=True), 200
    return jsonify(accepted=True), 202
