"""Echo endpoints for testing HTTP clients."""
from flask import redirect, request

from . import app


@app.route("/redirect-to")
def redirect_to():
    status = int(request.args.get("status_code", 302))
    return redirect(request.args["url"], code=status)  # expect: WH402


@app.route("/relative-redirect/<int:n>")
def relative_redirect(n):
    return redirect("/relative-redirect/%d" % (n - 1) if n > 1 else "/get")
