import hashlib
import hmac

from flask import abort, request

SIGNED_PATH = "/hooks/signed"
SIGNATURE_HEADER = "X-Hub-Signature-256"


class EventReceiver:
    """Dispatches JSON events to registered callbacks; checks nothing about the sender."""

    def __init__(self, app=None, endpoint="/hooks/postreceive"):
        self._callbacks = {}
        if app is not None:
            app.add_url_rule(endpoint, view_func=self._postreceive, methods=["POST"])

    def on(self, event):
        def register(fn):
            self._callbacks.setdefault(event, []).append(fn)
            return fn

        return register

    def _postreceive(self):  # expect: WH101, WH201
        payload = request.get_json()
        event = request.headers.get("X-Event-Type", "ping")
        for callback in self._callbacks.get(event, []):
            callback(payload)
        return "", 204


class SignedReceiver:
    """Verifies an HMAC-SHA256 signature of the raw body before dispatching."""

    def __init__(self, secret, app=None):
        self.secret = secret
        self.app = app
        self._callbacks = []
        if app is not None:
            self.init_app(app)

    def init_app(self, app):
        self.app = app
        self.app.add_url_rule(SIGNED_PATH, "signed_hook", view_func=self._receive, methods=["POST"])

    def _receive(self):  # expect: WH201
        body = request.get_data()
        digest = hmac.new(self.secret, body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest("sha256=" + digest, request.headers.get(SIGNATURE_HEADER, "")):
            abort(403)
        for callback in self._callbacks:
            callback(request.get_json())
        return "", 204
