import os

from flask import Flask, jsonify, request

from receivers.signed import SignedReceiver, StrictReceiver
from receivers.tokens import TokenGate

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 256 * 1024

builds = SignedReceiver(os.environ.get("BUILDS_WEBHOOK_SECRET"))
releases = StrictReceiver(os.environ.get("RELEASES_WEBHOOK_SECRET"))
deploy_gate = TokenGate()

# The receivers' own methods are the views: one receiver object per provider.
app.add_url_rule("/hooks/builds", view_func=builds.handle, methods=["POST"])
app.add_url_rule("/hooks/releases", view_func=releases.handle, methods=["POST"])


@app.post("/hooks/deploys")
def deploy_events():  # expect: WH201
    deploy_gate.check()
    payload = request.get_json()
    return jsonify(queued=payload.get("service"))  # expect: WH501
