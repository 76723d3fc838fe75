from flask import Blueprint, redirect, request

from .redirects import first_redirect, loose_redirect_url, post_action_redirect, validate_redirect_url

bp = Blueprint("accounts", __name__)


@bp.route("/login", methods=["GET", "POST"])
def login():
    return redirect(post_action_redirect("POST_LOGIN_VIEW"))


@bp.route("/logout")
def logout():
    return redirect(first_redirect("POST_LOGOUT_VIEW"))  # expect: WH402


@bp.route("/profile/done")
def profile_done():
    target = request.args.get("next")
    if target and validate_redirect_url(target):
        return redirect(target)
    return redirect("/")


@bp.route("/email/confirmed")
def email_confirmed():
    target = request.args.get("next", "")
    validate_redirect_url(target)
    return redirect(target)  # expect: WH402


@bp.route("/invite/accepted")
def invite_accepted():
    target = request.args.get("next", "/")
    if loose_redirect_url(target):
        return redirect(target)  # expect: WH402
    return redirect("/")
