"""Every way a Flask application declares a route, with and without a signature check.

Routes reporting WH101 accept a body, read it, look like a webhook and verify nothing. The
others are either verified (directly or through a helper), not webhooks (GET, user-facing,
behind a login), or do not read the request.
"""
import hashlib
import hmac
import os

from flask import Blueprint, Flask, abort, jsonify, request
from flask.views import MethodView
from flask_jwt_extended import jwt_required
from flask_login import current_user, login_required
from flask_wtf.csrf import CSRFProtect

from .orders import mark_paid

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 256 * 1024
csrf = CSRFProtect(app)
payments = Blueprint("payments", __name__, url_prefix="/payments")

PAYPAL_SECRET = os.environ["PAYPAL_WEBHOOK_SECRET"].encode()
SHOPIFY_SECRET = os.environ["SHOPIFY_WEBHOOK_SECRET"].encode()


# --- app.route with methods, app.post, blueprint routes: unverified webhooks ---------------------


@app.route("/webhooks/mailgun", methods=["POST"])
def mailgun_inbound():  # expect: WH101, WH201
    sender = request.form["sender"]  # expect: WH501
    mark_paid(sender, 0)
    return "", 204


@app.post("/twilio/sms")
def twilio_sms():  # expect: WH101, WH201
    body = request.values.get("Body", "")  # expect: WH501
    return f"<Response><Message>{len(body)}</Message></Response>"


@payments.route("/paypal/ipn", methods=["POST", "PUT"])
def paypal_ipn():  # expect: WH101, WH201
    mark_paid(request.form["invoice"], request.form["mc_gross"])  # expect: WH501
    return "", 200


@payments.post("/notify")
def payment_notify():  # expect: WH101, WH201
    data = request.get_json(force=True)
    mark_paid(data["order"], data["amount"])  # expect: WH501
    return jsonify(ok=True)


# --- add_url_rule and class-based views ---------------------------------------------------------


def zapier_receiver():  # expect: WH101, WH201
    record = request.json
    return jsonify(id=record.get("id"))  # expect: WH501


app.add_url_rule("/zapier/catch", view_func=zapier_receiver, methods=["POST"])


class SquareEvents(MethodView):
    def get(self):
        return jsonify(status="listening")

    def post(self):  # expect: WH101, WH201
        event = request.get_json()
        mark_paid(event["data"]["id"], event["data"]["amount"])  # expect: WH501
        return "", 204


app.add_url_rule("/square/events", view_func=SquareEvents.as_view("square_events"))


# --- a signature header is read but never checked ------------------------------------------------


@app.route("/api/ingest", methods=["POST"])
def ingest():  # expect: WH101, WH201
    signature = request.headers.get("X-Signature")
    app.logger.info("delivery signed %s", signature)
    return jsonify(accepted=len(request.get_data()))


# --- exempted from CSRF: a hint that a third party posts here -------------------------------------


@app.route("/api/partner-push", methods=["POST"])
@csrf.exempt
def partner_push():  # expect: WH101, WH201
    mark_paid(request.form["ref"], request.form["total"])  # expect: WH501
    return "", 204


# --- verified: no WH101 -----------------------------------------------------------------------------


@app.route("/webhooks/shopify/orders", methods=["POST"])
def shopify_orders():  # expect: WH201
    digest = hmac.new(SHOPIFY_SECRET, request.get_data(), hashlib.sha256).digest()
    import base64

    expected = base64.b64encode(digest).decode()
    if not hmac.compare_digest(expected, request.headers.get("X-Shopify-Hmac-Sha256", "")):
        abort(401)
    order = request.get_json()
    mark_paid(order["id"], order["total_price"])  # expect: WH501
    return "", 200


def paypal_signature_ok():
    expected = hmac.new(PAYPAL_SECRET, request.get_data(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, request.headers.get("X-Paypal-Signature", ""))


def require_paypal_signature():
    if not paypal_signature_ok():
        abort(401)


@payments.route("/paypal/webhook", methods=["POST"])
def paypal_webhook():  # expect: WH201
    if not paypal_signature_ok():
        return jsonify(error="bad signature"), 401
    event = request.get_json()
    mark_paid(event["resource"]["invoice_id"], event["resource"]["amount"]["value"])  # expect: WH501
    return "", 200


@payments.route("/paypal/refunds", methods=["POST"])
def paypal_refunds():  # expect: WH201
    require_paypal_signature()
    event = request.get_json()
    mark_paid(event["resource"]["invoice_id"], 0)  # expect: WH501
    return "", 200


# --- not webhooks: no WH101 -----------------------------------------------------------------------


@app.route("/webhooks/status")
def webhook_status():
    # GET only (Flask's default): reading the query string is fine.
    return jsonify(verbose=request.args.get("verbose", "0"))


@app.route("/hooks/settings", methods=["POST"])
@login_required
def hook_settings():
    current_user.hook_url = request.form["url"]
    return "", 204


@app.post("/events/replay")
@jwt_required()
def replay_events():
    return jsonify(requested=request.get_json()["ids"])


@app.post("/hooks/preferences")
def hook_preferences():
    if not current_user.is_authenticated:
        abort(401)
    current_user.preferences = request.get_json()
    return "", 204


@app.route("/profile", methods=["POST"])
def update_profile():
    # A user-facing form, not a webhook: nothing in its name, path or headers says so.
    return jsonify(name=request.form["name"])


@app.post("/hooks/ping")
def hook_ping():
    # Reads nothing from the request.
    return jsonify(pong=True)


app.register_blueprint(payments)
