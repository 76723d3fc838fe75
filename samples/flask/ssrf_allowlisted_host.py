"""Avatar import restricted to known image hosts (no finding expected)."""
from urllib.parse import urlparse

import requests
from flask import Flask, Response, abort, request

app = Flask(__name__)

ALLOWED_AVATAR_HOSTS = {"avatars.githubusercontent.com", "secure.gravatar.com"}


@app.route("/profile/avatar")
def import_avatar():
    url = request.args["url"]
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in ALLOWED_AVATAR_HOSTS:
        abort(400, "avatar host not allowed")
    resp = requests.get(url, timeout=5, allow_redirects=False)
    return Response(resp.content, mimetype="image/png")


@app.route("/profile/avatar/preview")
def preview_avatar():
    url = request.args["url"]
    host = urlparse(url).hostname or ""
    if host == "secure.gravatar.com" or host.endswith(".githubusercontent.com"):
        return Response(requests.get(url, timeout=5).content, mimetype="image/png")
    abort(404)
