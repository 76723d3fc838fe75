"""The identity provider redirects the browser here with an auto-submitted form."""
import os

import requests
from flask import Blueprint, abort, redirect, request, session

from portal.id_tokens import ISSUER, CLIENT_ID, validated_claims

bp = Blueprint("oidc", __name__)


@bp.post("/auth/callback")
def auth_callback():
    expected_state = session.pop("oidc_state", None)
    if not expected_state or request.form.get("state") != expected_state:
        abort(400)
    token = requests.post(
        ISSUER + "/oauth2/token",
        data={
            "grant_type": "authorization_code",
            "code": request.form["code"],
            "client_id": CLIENT_ID,
            "client_secret": os.environ["OIDC_CLIENT_SECRET"],
        },
        timeout=10,
    ).json()
    claims = validated_claims(token["id_token"], session.pop("oidc_nonce", None))
    session["user"] = claims["sub"]
    return redirect("/")


@bp.post("/sso/callback")
def sso_callback():
    # Implicit flow: the id_token comes in the form itself.
    claims = validated_claims(request.form["id_token"], session.pop("oidc_nonce", None))
    session["user"] = claims["sub"]
    return redirect("/")
