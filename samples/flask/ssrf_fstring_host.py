"""Favicon fetcher for link previews: the host name comes straight from the query string."""
import requests
from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/preview/favicon")
def favicon():
    host = request.args.get("host", "")
    icon_url = f"https://{host}/favicon.ico"
    # Any host works, including 169.254.169.254 or an internal service name.
    resp = requests.get(icon_url, timeout=3)  # expect: WH401
    return Response(resp.content, mimetype=resp.headers.get("Content-Type", "image/x-icon"))
