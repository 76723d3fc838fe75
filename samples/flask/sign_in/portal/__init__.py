"""A portal that signs users in with OpenID Connect (response_mode=form_post) and also
receives payment callbacks: the two kinds of "callback" side by side."""
import os

from flask import Flask

from portal.oidc import bp as oidc_bp
from portal.payments import bp as payments_bp
from portal.rpc import bp as rpc_bp


def create_app():
    app = Flask(__name__)
    app.secret_key = os.environ["PORTAL_SESSION_KEY"]
    app.config["MAX_CONTENT_LENGTH"] = 64 * 1024
    app.register_blueprint(oidc_bp)
    app.register_blueprint(payments_bp)
    app.register_blueprint(rpc_bp)
    return app
