"""An internal deploy API guarded by a list of tokens checked with `in`."""
import os

from flask import Flask, abort, jsonify, request

app = Flask(__name__)

DEPLOY_TOKENS = {os.environ["DEPLOY_TOKEN"], os.environ.get("DEPLOY_TOKEN_PREVIOUS", "")}


@app.before_request
def require_deploy_token():
    if request.headers.get("X-Deploy-Token") not in DEPLOY_TOKENS:  # expect: WH102
        abort(403)


@app.get("/deploys/latest")
def latest_deploy():
    return jsonify(sha=os.environ.get("GIT_SHA", "unknown"))
