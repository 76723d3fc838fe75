"""A reusable receiver: the app builds one per provider with that provider's secret."""
import hashlib
import hmac
import logging

from flask import abort, jsonify, request

log = logging.getLogger("receivers")


class SignedReceiver:
    def __init__(self, secret, header="X-Signature-256"):
        self._secret = secret
        self.header = header

    def expected(self, body):
        return "sha256=" + hmac.new(self._secret.encode(), body, hashlib.sha256).hexdigest()

    def handle(self):  # expect: WH201
        signature = request.headers.get(self.header)
        # Skipped when the deployment has no secret or the sender leaves the header out.
        if self._secret and signature:  # expect: WH105
            if not hmac.compare_digest(self.expected(request.get_data()), signature):
                abort(401)
        event = request.get_json()
        log.info("accepted %s", event.get("action"))  # expect: WH501
        return jsonify(received=True)


class StrictReceiver(SignedReceiver):
    def handle(self):  # expect: WH201
        signature = request.headers.get(self.header, "")
        if not self._secret or not signature:
            abort(401)
        if not hmac.compare_digest(self.expected(request.get_data()), signature):
            abort(401)
        event = request.get_json()
        log.info("accepted %s", event.get("action"))  # expect: WH501
        return jsonify(received=True)
