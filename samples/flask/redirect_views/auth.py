"""Sign-in: the `next` target is checked against this site before it is followed."""
from urllib.parse import urljoin, urlparse

from flask import redirect, request, session, url_for

from . import app


def is_safe_url(target):
    ref_url = urlparse(request.host_url)
    test_url = urlparse(urljoin(request.host_url, target))
    return test_url.scheme in ("http", "https") and ref_url.netloc == test_url.netloc


@app.route("/login", methods=["POST"])
def login():
    next_url = request.args.get("next")
    if next_url and not is_safe_url(next_url):
        next_url = None
    session["user"] = request.form["user"]
    return redirect(next_url or url_for("results"))


@app.route("/lang/<code>")
def set_language(code):
    session["lang"] = code
    return redirect(request.full_path.replace("/lang/" + code, "", 1) or "/")


@app.route("/logout")
def logout():
    session.clear()
    return redirect(request.args.get("next") or url_for("results"))  # expect: WH402
