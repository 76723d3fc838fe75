"""The change hook: the sender signs the body with HMAC-SHA1 of the shared secret."""
import hashlib
import hmac

from flask import Flask, abort, request

from .compat import bytes2unicode, unicode2bytes
from .realms import Avatars, ChangeLogReader, RealmChecker
from .settings import ADMIN_PASSWORD, HOOK_SECRET

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024


def _cmp(computed, received):
    return computed == received  # expect: WH102


def signature_matches(body, signature):
    mac = hmac.new(unicode2bytes(HOOK_SECRET), body, hashlib.sha1)  # expect: WH106
    return _cmp(bytes2unicode(mac.hexdigest()), bytes2unicode(signature))


@app.post("/change_hook/base")
def change_hook():  # expect: WH201
    if not signature_matches(request.get_data(), request.headers.get("X-Hub-Signature", "")):
        abort(401)
    return "", 202


@app.post("/admin/reload")
def reload_config():
    passwd = request.headers.get("X-Admin-Password", "")
    if bytes2unicode(passwd) != ADMIN_PASSWORD:  # expect: WH102
        abort(403)
    return "", 204


@app.get("/status/<module>")
def status(module):
    checker = RealmChecker("ci")
    if not checker.matches(request.args):
        abort(401)
    reader = ChangeLogReader(module)
    reader.feed(request.args.get("log", "").encode())
    return {"done": reader.finished(), "avatar": bytes2unicode(Avatars().default_path())}
