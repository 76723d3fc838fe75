from flask import Flask, abort, request

from .models import Integration, db

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 256 * 1024


@app.route("/hooks/inbound", methods=["POST"])
def inbound():  # expect: WH201
    token = request.headers.get("X-Hook-Token", "")
    integration = Integration.query.filter_by(token=token).first()
    if integration is None:
        abort(403)
    integration.last_event = request.get_json()["type"]  # expect: WH501
    db.session.commit()
    return "", 204


@app.route("/hooks/strict", methods=["POST"])
def strict():  # expect: WH201
    integration = Integration.query.filter_by(token=request.headers["X-Hook-Token"]).first_or_404()
    integration.last_event = request.get_json()["type"]  # expect: WH501
    return "", 204


@app.route("/hooks/<int:integration_id>", methods=["POST"])
def by_id(integration_id):  # expect: WH101, WH201
    integration = Integration.query.get_or_404(integration_id)
    integration.last_event = request.get_json()["type"]  # expect: WH501
    return "", 204


@app.route("/hooks/lenient", methods=["POST"])
def lenient():  # expect: WH201
    integration = Integration.query.filter_by(token=request.headers.get("X-Hook-Token")).first()
    event = request.get_json()
    if integration is not None:  # expect: WH105
        integration.last_event = event["type"]  # expect: WH501
    app.logger.info("delivery for %s", event["account"])
    db.session.add(Integration(token=event["account"]))
    db.session.commit()
    return "", 204
