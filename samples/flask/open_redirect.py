"""Sign-in flow that sends the user back to where they came from."""
from urllib.parse import urlparse

from flask import Flask, Response, redirect, request

app = Flask(__name__)

APP_HOSTS = {"app.example.com", "www.example.com"}


@app.route("/login/done")
def login_done():
    return redirect(request.args.get("next", "/"))  # expect: WH402


@app.route("/logout")
def logout():
    target = request.args.get("return_to", "/")
    return Response("", 302, headers={"Location": target})  # expect: WH402


@app.route("/switch-account")
def switch_account():
    target = request.args.get("next", "/")
    if urlparse(target).netloc not in APP_HOSTS:
        target = "/"
    return redirect(target)


@app.route("/docs/<path:page>")
def docs(page):
    return redirect("/help/" + page)
