"""Inbound mail from Mailgun, verified by a helper of another module of the same namespace
package: no WH101 and no WH201 (the helper checks the timestamp against the clock); the
attachment URL taken from the form is still fetched unchecked."""
import requests
from flask import Flask, abort, request

from auth_namespace_package.mailgun_signing import signed_by_mailgun

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 2 * 1024 * 1024


@app.post("/inbound/mailgun")
def inbound():
    if not signed_by_mailgun(request.form):
        abort(403)
    attachment_url = request.form.get("attachment-1-url")  # expect: WH501
    data = requests.get(attachment_url, timeout=10).content  # expect: WH401
    return str(len(data)), 200
