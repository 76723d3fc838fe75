"""Job completion callbacks: the client names the callback URL in a request header."""
import requests
from flask import Flask, jsonify, request
from flask_login import login_required

app = Flask(__name__)


@app.route("/jobs/<job_id>/finish", methods=["POST"])
@login_required
def finish_job(job_id):
    callback = request.headers.get("X-Callback-Url")
    if callback:
        requests.post(callback, json={"job": job_id, "state": "done"}, timeout=10)  # expect: WH401
    return jsonify(job=job_id, state="done")
