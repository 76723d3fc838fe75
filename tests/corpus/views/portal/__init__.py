"""A customer portal: link previews, image proxying, sign-in and API tokens. None of it is a
webhook; the flow rules and the comparison rule still apply to every view."""
from flask import Flask

from portal.accounts import accounts
from portal.previews import previews
from portal.storage import storage


def create_app():
    app = Flask(__name__)
    app.config.from_object("portal.settings")
    app.register_blueprint(previews, url_prefix="/preview")
    app.register_blueprint(accounts)
    app.register_blueprint(storage)
    return app
