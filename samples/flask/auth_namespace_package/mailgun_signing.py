"""Mailgun's signature check, in a module of a namespace package (a directory without
__init__.py, as PEP 420 allows): the view imports it as `auth_namespace_package.mailgun_signing`."""
import hashlib
import hmac
import os
import time

SIGNING_KEY = os.environ["MAILGUN_SIGNING_KEY"].encode()


def signed_by_mailgun(form):
    timestamp = form.get("timestamp", "")
    token = form.get("token", "")
    if not timestamp or not token:
        return False
    if abs(time.time() - float(timestamp)) > 600:
        return False
    digest = hmac.new(SIGNING_KEY, msg=(timestamp + token).encode(), digestmod=hashlib.sha256).hexdigest()
    return hmac.compare_digest(digest, form.get("signature", ""))
