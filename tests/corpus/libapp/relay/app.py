from flask import Flask, abort, request

from hooklib import EventReceiver, SignedReceiver
from relay import settings, verifier
from relay.queue import publish

app = Flask(__name__)  # expect: WH301
app.config.from_pyfile("relay.cfg")

# The admin console is a separate application; its limit does not cover the relay's routes.
admin = Flask("relay_admin")
admin.config["MAX_CONTENT_LENGTH"] = 64 * 1024

receiver = SignedReceiver(settings.RELAY_SIGNING_KEY)
receiver.init_app(app)
audit = EventReceiver(app)


@app.post("/hooks/messages")
def messages():  # safe: WH101, WH201, WH501
    body = request.get_data()
    try:
        event = verifier.verify(body, dict(request.headers))
    except Exception:
        abort(400)
    publish(event["type"], event["data"])
    return "", 204


@admin.get("/status")
def status():
    return {"ok": True}


@app.post("/hooks/alerts")
def alerts():  # safe: WH101, WH201
    payload = request.get_data()
    try:
        settings.alert_verifier.verify(payload, dict(request.headers))
    except Exception:
        abort(400)
    publish("alert", request.get_json()["alert"])  # expect: WH501
    return "", 204
