"""Bitbucket-style push receiver whose helper compares the HMAC with ==."""
import hashlib
import hmac
import os

from flask import Flask, abort, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 512 * 1024

HOOK_SECRET = os.environ["BITBUCKET_HOOK_SECRET"].encode()


def signature_valid(body, signature):
    expected = "sha256=" + hmac.new(HOOK_SECRET, body, hashlib.sha256).hexdigest()
    return expected == signature  # expect: WH102


@app.post("/hooks/bitbucket")
def bitbucket_push():  # expect: WH201
    if not signature_valid(request.get_data(), request.headers.get("X-Hub-Signature", "")):
        abort(401)
    push = request.get_json()
    for change in push["push"]["changes"]:  # expect: WH501
        app.logger.info("branch %s updated", change["new"]["name"])
    return "", 204
