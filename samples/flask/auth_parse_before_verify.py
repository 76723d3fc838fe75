"""Twilio and Mailgun receivers that act on the payload before checking who sent it."""
import hashlib
import hmac
import os

from flask import Flask, abort, request
from twilio.request_validator import RequestValidator

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 128 * 1024

validator = RequestValidator(os.environ["TWILIO_AUTH_TOKEN"])
MAILGUN_KEY = os.environ["MAILGUN_SIGNING_KEY"].encode()


def save_message(sender, text):
    print(sender, text)


@app.post("/twilio/inbound-sms")
def inbound_sms():  # expect: WH201
    save_message(request.form["From"], request.form["Body"])  # expect: WH103, WH501
    if not validator.validate(request.url, request.form, request.headers.get("X-Twilio-Signature", "")):
        abort(403)
    return "<Response/>"


@app.post("/twilio/status")
def message_status():  # expect: WH201
    if not validator.validate(request.url, request.form, request.headers.get("X-Twilio-Signature", "")):
        abort(403)
    save_message(request.form["MessageSid"], request.form["MessageStatus"])  # expect: WH501
    return "", 204


@app.post("/mailgun/inbound")
def mailgun_inbound():  # expect: WH201
    token = request.form["token"]
    timestamp = request.form["timestamp"]
    expected = hmac.new(MAILGUN_KEY, (timestamp + token).encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.form["signature"]):
        abort(406)
    save_message(request.form["sender"], request.form["stripped-text"])  # expect: WH501
    return "", 200
