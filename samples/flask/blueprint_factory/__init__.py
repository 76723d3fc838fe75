"""Application factory: blueprints registered on an app built inside create_app()."""
from flask import Flask

from .billing import billing
from .signing import verify_billing_signature
from .support import support


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(MAX_CONTENT_LENGTH=512 * 1024)
    if config:
        app.config.from_mapping(config)
    billing.before_request(verify_billing_signature)
    app.register_blueprint(billing, url_prefix="/billing")
    app.register_blueprint(support, url_prefix="/support")
    return app
