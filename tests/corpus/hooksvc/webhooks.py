"""A service whose webhooks live in webhooks.py next to its sign-in form: the module's name
does not make the form a webhook; logging the body before the check is no use of it; a
verifier that skips itself when the secret is unset is reported once, as fail-open."""
import hashlib
import hmac
import logging
import os

from flask import Flask, abort, render_template, request, session

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024
SECRET = os.environ["HOOK_SECRET"].encode()
log = logging.getLogger(__name__)


@app.route("/login", methods=["GET", "POST"])
def login():  # safe: WH101, WH201, WH501
    if request.method == "POST":
        session["user"] = request.form["user"]
    return "form"


def signature_ok(body, header):
    expected = "sha256=" + hmac.new(SECRET, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header or "")


@app.post("/hooks/github")
def github():  # safe: WH103
    body = request.get_data()
    log.info("received %s", body)
    print(body)
    mac = hmac.new(SECRET, request.data, hashlib.sha256).hexdigest()
    if not hmac.compare_digest("sha256=" + mac, request.headers.get("X-Hub-Signature-256", "")):
        abort(401)
    if request.headers.get("X-GitHub-Delivery") in SEEN:
        abort(409)
    SEEN.add(request.headers.get("X-GitHub-Delivery"))
    return "ok"


@app.post("/hooks/other")
def other():
    body = request.get_data()
    if not signature_ok(body, request.headers.get("X-Hub-Signature-256")):
        abort(401)
    if request.headers.get("X-GitHub-Delivery") in SEEN:
        abort(409)
    SEEN.add(request.headers.get("X-GitHub-Delivery"))
    return "ok"


def verify_or_skip():
    if not os.environ.get("HOOK_SECRET"):  # expect: WH105
        return True
    sig = request.headers.get("X-Hub-Signature-256", "")
    return hmac.compare_digest(sig, "sha256=" + hmac.new(SECRET, request.data, hashlib.sha256).hexdigest())


@app.post("/hooks/failopen")
def failopen():  # safe: WH101
    if not verify_or_skip():
        abort(401)
    if request.headers.get("X-GitHub-Delivery") in SEEN:
        abort(409)
    SEEN.add(request.headers.get("X-GitHub-Delivery"))
    return request.get_json()["action"]  # expect: WH501


SEEN = set()
