"""Application factory for the Shopify receiver; it never sets a request body limit."""
from flask import Flask

from .shopify import shopify_hooks


def create_app(settings=None):
    app = Flask(__name__)  # expect: WH301
    app.config.from_mapping(SHOPIFY_API_VERSION="2024-07")
    if settings:
        app.config.from_mapping(settings)
    app.register_blueprint(shopify_hooks, url_prefix="/shopify")
    return app
