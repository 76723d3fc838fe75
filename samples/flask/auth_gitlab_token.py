"""GitLab pipeline hooks: the shared token must be compared in constant time."""
import hmac
import os

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 256 * 1024

GITLAB_TOKEN = os.environ.get("GITLAB_WEBHOOK_TOKEN", "")


@app.post("/gitlab/pipeline")
def pipeline_events():  # expect: WH201
    token = request.headers.get("X-Gitlab-Token", "")
    if token != GITLAB_TOKEN:  # expect: WH102
        abort(403)
    event = request.get_json()
    return jsonify(status=event["object_attributes"]["status"])  # expect: WH501


@app.post("/gitlab/merge-requests")
def merge_request_events():  # expect: WH201
    token = request.headers.get("X-Gitlab-Token", "")
    if not GITLAB_TOKEN or not hmac.compare_digest(token, GITLAB_TOKEN):
        abort(403)
    event = request.get_json()
    return jsonify(state=event["object_attributes"]["state"])  # expect: WH501

