"""A small receiver library: register handlers per event, mount one POST endpoint on an app.

The signature is checked only when the receiver was given a secret: _digest() yields None
otherwise and the check is skipped, so a deployment that forgot the secret accepts anything.
"""
import hashlib
import hmac

from flask import abort, request


class PushReceiver:
    def __init__(self, app=None, endpoint="/postreceive", secret=None):
        self.secret = secret.encode() if isinstance(secret, str) else secret
        self._handlers = {}
        if app is not None:
            self.init_app(app, endpoint)

    def init_app(self, app, endpoint="/postreceive"):
        app.add_url_rule(rule=endpoint, endpoint=endpoint, view_func=self._postreceive, methods=["POST"])

    def on(self, event="push"):
        def register(func):
            self._handlers.setdefault(event, []).append(func)
            return func

        return register

    def _digest(self):
        return hmac.new(self.secret, request.data, hashlib.sha256).hexdigest() if self.secret else None

    def _postreceive(self):  # expect: WH201
        digest = self._digest()
        if digest is not None:  # expect: WH105
            header = request.headers.get("X-Hub-Signature-256", "")
            if not hmac.compare_digest(header, "sha256=" + digest):
                abort(400, "Invalid signature")
        event = request.headers.get("X-GitHub-Event", "ping")
        payload = request.get_json()
        for handler in self._handlers.get(event, []):
            handler(payload)
        return "", 204
