"""Partner API proxy. The first check compares a prefix without the '/' after the host, so
https://partner.example.attacker.net/ passes it; the second pins the host."""
import requests
from flask import Flask, abort, request

app = Flask(__name__)

PARTNER_API = "https://partner.example"
PARTNER_API_ROOT = "https://partner.example/"


@app.route("/partner/proxy")
def partner_proxy():
    target = request.args["target"]
    if not target.startswith(PARTNER_API):
        abort(400)
    return requests.get(target, timeout=5).text  # expect: WH401


@app.route("/partner/proxy/v2")
def partner_proxy_v2():
    target = request.args["target"]
    if not target.startswith(PARTNER_API_ROOT):
        abort(400)
    return requests.get(target, timeout=5).text
