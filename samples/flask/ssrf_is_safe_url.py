"""Webpage screenshots for any public URL: a helper resolves the host and refuses private,
loopback and link-local addresses before the fetch (no finding expected)."""
import ipaddress
import socket
from urllib.parse import urlparse

import requests
from flask import Flask, Response, abort, request

app = Flask(__name__)


def is_safe_url(url):
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        return False
    try:
        address = ipaddress.ip_address(socket.gethostbyname(parsed.hostname))
    except (ValueError, OSError):
        return False
    return not (address.is_private or address.is_loopback or address.is_link_local or address.is_reserved)


@app.route("/snapshot")
def snapshot():
    url = request.args.get("url", "")
    if not is_safe_url(url):
        abort(400, "refusing to fetch a private address")
    page = requests.get(url, timeout=10, allow_redirects=False)
    return Response(page.content, mimetype="text/html")
