"""A verified key-registration webhook whose helpers hold names that look like secrets but are
not: an enum member named after a public key format, a marker string called a token, a key
type compared with a library constant, two revisions compared. None of them is a signature
check, so none is timing-unsafe (WH102) or a verification that fails open (WH105)."""
import enum
import hashlib
import hmac
import os
import subprocess
import time

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 64 * 1024

KEYS_SECRET = os.environ["KEYS_WEBHOOK_SECRET"].encode()
EVP_PKEY_RSA = 6
EVP_PKEY_EC = 408


class PublicFormat(enum.Enum):
    SubjectPublicKeyInfo = "X.509 subjectPublicKeyInfo"
    OpenSSH = "OpenSSH"


class ProgressParser:
    DONE_TOKEN = "done."

    def finished(self, message):
        return message.endswith(self.DONE_TOKEN)


def key_kind(key_type):
    if key_type == EVP_PKEY_EC:
        return "ec"
    elif key_type == EVP_PKEY_RSA:
        return "rsa"
    return "unknown"


def encoded_form(format):
    if format is PublicFormat.SubjectPublicKeyInfo:
        return "spki"
    return "openssh"


def pruned_refs(output):
    refs = []
    for line in output.splitlines():
        token = " * [would prune] "
        if not line.startswith(token):
            continue
        refs.append(line.replace(token, ""))
    return refs


def pinned_revision(rev):
    exact = subprocess.run(["git", "rev-parse", rev], capture_output=True, text=True).stdout.strip()
    if exact != rev:
        rev = exact
    return rev


@app.post("/hooks/keys")
def register_key():
    body = request.get_data()
    sent = request.headers.get("X-Keys-Signature", "")
    timestamp = request.headers.get("X-Keys-Timestamp", "0")
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > 300:
        abort(401)
    expected = hmac.new(KEYS_SECRET, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, sent):
        abort(401)
    parser = ProgressParser()
    kinds = [key_kind(t) for t in (EVP_PKEY_EC, EVP_PKEY_RSA)]
    return jsonify(
        kinds=kinds,
        form=encoded_form(PublicFormat.OpenSSH),
        done=parser.finished("registering keys: done."),
        pruned=pruned_refs(" * [would prune] origin/old"),
        revision=pinned_revision("HEAD"),
    )
