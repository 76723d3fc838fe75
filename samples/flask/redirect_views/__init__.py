"""A small search front-end: shortcuts to other engines, sign-in, and an echo service."""
from flask import Flask

app = Flask(__name__)

from . import auth, search, tools  # noqa: E402,F401
