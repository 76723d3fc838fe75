"""Slack's legacy verification token, kept as a constant in the module and compared with the
token field of each event: a shared secret checked with `!=` leaks it byte by byte (WH102),
the same check made with hmac.compare_digest does not. The token is written in the code
(WH107), and it travels in the body, so the body is parsed before it is checked (WH103)."""
import hmac

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 256 * 1024

SLACK_VERIFICATION_TOKEN = "xoxv-3f9c2a7e51d04b8a"  # expect: WH107


@app.post("/slack/events")
def slack_events():  # expect: WH201
    event = request.get_json()  # expect: WH103
    if event.get("token") != SLACK_VERIFICATION_TOKEN:  # expect: WH102
        abort(403)
    return jsonify(challenge=event.get("challenge"))  # expect: WH501


@app.post("/slack/commands")
def slack_commands():  # expect: WH201
    form = request.form  # expect: WH103
    if not hmac.compare_digest(form.get("token", ""), SLACK_VERIFICATION_TOKEN):
        abort(403)
    return jsonify(text="ok", channel=form.get("channel_id"))  # expect: WH501
