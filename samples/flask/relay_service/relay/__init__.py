"""Event relay: its secrets come from the instance configuration, committed beside the code."""
from flask import Flask

app = Flask(__name__, instance_relative_config=True)
app.config.from_pyfile("relay.cfg")

from relay import hooks  # noqa: E402,F401  (registers the routes)
