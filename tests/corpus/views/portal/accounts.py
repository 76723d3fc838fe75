"""Sign-in, sign-out and API tokens."""
import hashlib
import hmac
import os
import secrets
from urllib.parse import urljoin, urlparse

from flask import Blueprint, Response, abort, make_response, redirect, request, session, url_for
from werkzeug.urls import url_parse

from portal import tokens

accounts = Blueprint("accounts", __name__)

APP_HOST = "portal.example.com"
RESET_SECRET = os.environ["PORTAL_RESET_SECRET"]


def is_safe_redirect(target):
    ref = urlparse(request.host_url)
    test = urlparse(urljoin(request.host_url, target))
    return test.scheme in ("http", "https") and ref.netloc == test.netloc


@accounts.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST" and tokens.check_login(request.form["user"], request.form["password"]):
        session["user"] = request.form["user"]
        return redirect(request.args.get("next") or url_for("previews.unfurl"))  # expect: WH402
    return "login form"


@accounts.route("/logout")
def logout():
    session.clear()
    target = request.args.get("return_to", "/")
    response = make_response("", 302)
    response.headers["Location"] = target  # expect: WH402
    return response


@accounts.route("/bounce")
def bounce():
    dest = request.values.get("dest")
    return Response(status=302, headers={"Location": dest})  # expect: WH402


@accounts.route("/back")
def back():
    return redirect(request.referrer or "/")  # expect: WH402


@accounts.route("/go/<path:where>")
def go(where):
    return redirect(where)  # expect: WH402


@accounts.route("/continue")
def continue_to():  # safe: WH402
    nxt = request.args.get("next", "/")
    if not is_safe_redirect(nxt):
        abort(400)
    return redirect(nxt)


@accounts.route("/relative-only")
def relative_only():  # safe: WH402
    nxt = request.args.get("next", "/")
    parts = urlparse(nxt)
    if parts.netloc or parts.scheme:
        nxt = "/"
    return redirect(nxt)


@accounts.route("/after-signup")
def after_signup():  # safe: WH402
    next_page = request.args.get("next")
    if not next_page or url_parse(next_page).netloc != "":
        next_page = url_for("accounts.login")
    return redirect(next_page)


@accounts.route("/same-host")
def same_host():  # safe: WH402
    nxt = request.args.get("next", "/")
    if urlparse(nxt).hostname != APP_HOST:
        return redirect("/")
    return redirect(nxt)


@accounts.route("/named")
def named_page():  # safe: WH402
    return redirect(url_for("accounts.login", next=request.args.get("next")))


@accounts.route("/help/<path:page>")
def help_page(page):  # safe: WH402
    return redirect("/docs/" + page)


@accounts.route("/api/token-check")
def token_check():
    supplied = request.headers.get("X-Api-Token", "")
    if supplied == tokens.current_api_token():  # expect: WH102
        return "ok"
    abort(401)


@accounts.route("/api/bearer")
def bearer_check():
    if request.headers.get("Authorization") == f"Bearer {tokens.current_api_token()}":  # expect: WH102
        return "ok"
    abort(401)


@accounts.route("/api/token-check-safe")
def token_check_safe():  # safe: WH102
    supplied = request.headers.get("X-Api-Token", "")
    if not hmac.compare_digest(supplied, tokens.current_api_token()):
        abort(401)
    return "ok"


@accounts.route("/api/reset")
def reset_password():
    token = request.args.get("token", "")
    expected = hashlib.sha256((RESET_SECRET + session.get("user", "")).encode()).hexdigest()
    if token != expected:  # expect: WH102
        abort(403)
    return "reset"


@accounts.route("/api/kind")
def token_kind():  # safe: WH102
    kind = request.args.get("token_type", "")
    if kind == "bearer":
        return "bearer"
    return "other"


@accounts.route("/api/nonce")
def new_nonce():  # safe: WH102
    session["nonce"] = secrets.token_urlsafe(16)
    return session["nonce"]
