"""Zoom event notifications with a freshness check that tolerates a whole day.

The timestamp is signed together with the body and compared in both directions, but a window
of one day leaves a captured notification replayable for 24 hours.
"""
import hashlib
import hmac
import os
from datetime import datetime, timedelta, timezone

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 256 * 1024

ZOOM_SECRET_TOKEN = os.environ["ZOOM_WEBHOOK_SECRET_TOKEN"].encode()
ALLOWED_CLOCK_DRIFT = timedelta(days=1)


@app.post("/zoom/events")
def zoom_events():
    timestamp = request.headers.get("X-Zm-Request-Timestamp", "0")
    sent_at = datetime.fromtimestamp(int(timestamp), tz=timezone.utc)
    if abs(datetime.now(timezone.utc) - sent_at) > ALLOWED_CLOCK_DRIFT:  # expect: WH203
        abort(400)
    message = f"v0:{timestamp}:{request.get_data(as_text=True)}"
    expected = "v0=" + hmac.new(ZOOM_SECRET_TOKEN, message.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.headers.get("X-Zm-Signature", "")):
        abort(401)
    return jsonify(status="accepted")
