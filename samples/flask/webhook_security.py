"""Signature checks shared by the hardened webhook samples."""
import functools
import hashlib
import hmac
import os

from flask import abort, request

GITHUB_SECRET = os.environ.get("GITHUB_WEBHOOK_SECRET", "").encode()


def github_signature_matches(body, header_value):
    """True when `header_value` is the HMAC-SHA256 of `body` under the shared secret."""
    if not header_value or not header_value.startswith("sha256="):
        return False
    expected = "sha256=" + hmac.new(GITHUB_SECRET, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header_value)


def require_github_signature(view):
    """Rejects a delivery whose X-Hub-Signature-256 does not match before the view runs."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        signature = request.headers.get("X-Hub-Signature-256", "")
        if not github_signature_matches(request.get_data(), signature):
            abort(401)
        return view(*args, **kwargs)

    return wrapper


def require_token(header, setting):
    """Decorator factory for providers that send a shared token (GitLab's X-Gitlab-Token)."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            expected = os.environ.get(setting, "")
            if not expected or not hmac.compare_digest(request.headers.get(header, ""), expected):
                abort(403)
            return view(*args, **kwargs)

        return wrapper

    return decorate
