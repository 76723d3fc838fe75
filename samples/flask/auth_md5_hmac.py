"""A legacy payment gateway's IPN: MD5 HMAC and a hand-rolled keyed hash."""
import hashlib
import hmac
import os

from flask import Flask, abort, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 64 * 1024

GATEWAY_KEY = os.environ["GATEWAY_IPN_KEY"].encode()
DIGEST = "md5"


def mark_order(order_id, status):
    print(order_id, status)


@app.post("/gateway/ipn")
def gateway_ipn():  # expect: WH201
    mac = hmac.new(GATEWAY_KEY, request.get_data(), DIGEST).hexdigest()  # expect: WH106
    if not hmac.compare_digest(mac, request.headers.get("X-Gateway-Signature", "")):
        abort(401)
    mark_order(request.form["order_id"], request.form["status"])  # expect: WH501
    return "OK"


@app.post("/gateway/refunds")
def gateway_refunds():  # expect: WH201
    digest = hashlib.sha256(GATEWAY_KEY + request.get_data()).hexdigest()  # expect: WH106
    if not hmac.compare_digest(digest, request.headers.get("X-Gateway-Signature", "")):
        abort(401)
    mark_order(request.form["order_id"], "refunded")  # expect: WH501
    return "OK"


@app.post("/gateway/chargebacks")
def gateway_chargebacks():  # expect: WH201
    mac = hmac.new(GATEWAY_KEY, request.get_data(), hashlib.sha1)  # expect: WH106
    if not hmac.compare_digest(mac.hexdigest(), request.headers.get("X-Gateway-Signature", "")):
        abort(401)
    mark_order(request.form["order_id"], "disputed")  # expect: WH501
    return "OK"
