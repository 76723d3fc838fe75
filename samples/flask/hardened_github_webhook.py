"""GitHub and GitLab push receivers that verify every delivery before acting on it."""
from flask import Flask, jsonify, request

from .deploy import schedule_deploy
from .webhook_security import require_github_signature, require_token

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024


@app.post("/hooks/github")
@require_github_signature
def github_push():  # expect: WH201
    payload = request.get_json()
    if request.headers.get("X-GitHub-Event") == "push" and payload["ref"] == "refs/heads/main":  # expect: WH501
        schedule_deploy(payload["after"])
    return jsonify(ok=True)


@app.route("/hooks/gitlab", methods=["POST"])
@require_token("X-Gitlab-Token", "GITLAB_WEBHOOK_TOKEN")
def gitlab_push():  # expect: WH201
    payload = request.get_json()
    schedule_deploy(payload["checkout_sha"])  # expect: WH501
    return jsonify(ok=True)
