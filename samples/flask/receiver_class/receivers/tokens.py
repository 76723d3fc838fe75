"""A shared-token receiver whose check runs only when a token is configured."""
import hmac
import os

from flask import abort, request


class TokenGate:
    def __init__(self):
        self.secret = os.environ.get("DEPLOY_HOOK_TOKEN")

    def check(self):
        if self.secret:  # expect: WH105
            if not hmac.compare_digest(request.headers.get("X-Deploy-Token", ""), self.secret):
                abort(403)
