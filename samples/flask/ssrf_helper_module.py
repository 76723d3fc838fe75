"""Chat link unfurling: the view hands the posted link to a helper in another module."""
from flask import Flask, jsonify, request

from .unfurl import fetch_page, page_title

app = Flask(__name__)


@app.route("/unfurl")
def unfurl():
    link = request.args["link"]
    html = fetch_page(link)
    return jsonify(url=link, title=page_title(html))
