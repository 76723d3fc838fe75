import hashlib
import hmac
import time

from flask import abort, current_app, request

from hookhub import app
from hookhub.config import PARTNER_TOKEN, RELEASE_HOOK_KEY, STAGING_HOOK_KEY
from hookhub.deploys import start_release


def _signature_ok(body, signature, key):
    expected = hmac.new(key.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature or "")


def _fresh(stamp):
    return abs(time.time() - int(stamp or 0)) < 300


@app.route("/hooks/release", methods=["POST"])
def release():
    body = request.get_data()
    stamp = request.headers.get("X-Timestamp")
    if not _signature_ok(stamp.encode() + b"." + body, request.headers.get("X-Signature"), RELEASE_HOOK_KEY):
        abort(401)
    if not _fresh(stamp):
        abort(401)
    start_release(request.get_json()["tag"])  # expect: WH501
    return "", 202


@app.route("/hooks/staging", methods=["POST"])
def staging():
    body = request.get_data()
    stamp = request.headers.get("X-Timestamp")
    if not _signature_ok(stamp.encode() + b"." + body, request.headers.get("X-Signature"), STAGING_HOOK_KEY):
        abort(401)
    if not _fresh(stamp):
        abort(401)
    return "", 202


@app.route("/hooks/partner", methods=["POST"])
def partner():  # expect: WH201
    if not hmac.compare_digest(request.headers.get("X-Partner-Token", ""), PARTNER_TOKEN):
        abort(401)
    start_release(request.get_json()["tag"])  # expect: WH501
    return "", 202


@app.route("/hooks/builds", methods=["POST"])
def builds():  # expect: WH201
    secret = current_app.config["BUILD_HOOK_SECRET"].encode()
    digest = hmac.new(secret, request.get_data(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(digest, request.headers.get("X-Signature", "")):
        abort(401)
    return "", 204


@app.route("/hooks/docs", methods=["POST"])
def docs():  # expect: WH201
    key = current_app.config.get("DOCS_HOOK_SECRET", "").encode()
    digest = hmac.new(key, request.get_data(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(digest, request.headers.get("X-Signature", "")):
        abort(401)
    return "", 204
