"""Report exporter: the destination travels through three assignments and a helper's
parameter before it reaches requests.post."""
import requests
from flask import Flask, jsonify, request

app = Flask(__name__)


def deliver(destination, report):
    return requests.post(destination, json=report, timeout=15)  # expect: WH401


@app.route("/reports/export")
def export_report():
    options = request.args.to_dict()
    destination = options.get("deliver_to")
    target = destination.strip()
    endpoint = target
    report = {"rows": [], "generated_by": "exporter"}
    resp = deliver(endpoint, report)
    return jsonify(status=resp.status_code)
