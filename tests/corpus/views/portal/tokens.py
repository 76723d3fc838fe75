"""Passwords and API tokens: comparisons of secret values outside any route."""
import hashlib
import hmac
import os

from django.utils.crypto import constant_time_compare

API_TOKEN = os.environ.get("PORTAL_API_TOKEN", "")
ISSUED_KEYS = set(os.environ.get("PORTAL_ISSUED_KEYS", "").split(","))
USERS = {}


def current_api_token():  # safe: WH102
    return API_TOKEN


def password_hash(password, salt):
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 200_000).hex()


def check_login(user, password):
    record = USERS.get(user)
    if record is None:
        return False
    return password_hash(password, record["salt"]) == record["hash"]  # expect: WH102


def check_login_safe(user, password):  # safe: WH102
    record = USERS.get(user)
    if record is None:
        return False
    return hmac.compare_digest(password_hash(password, record["salt"]), record["hash"])


def check_legacy_login(user, password):
    record = USERS.get(user)
    return record is not None and hashlib.md5(password.encode()).hexdigest() == record["password"]  # expect: WH102


def check_api_key(provided):
    return provided == API_TOKEN  # expect: WH102


def check_api_key_django(provided):  # safe: WH102
    return constant_time_compare(provided, API_TOKEN)


def valid_signature(secret, message, signature):
    digest = hmac.new(secret, message, hashlib.sha256).hexdigest()
    return digest == signature  # expect: WH102


def known_api_key(api_key):
    return api_key in ISSUED_KEYS  # expect: WH102


def token_is_empty(token):  # safe: WH102
    return token == ""


def same_user(a, b):  # safe: WH102
    return a["name"] == b["name"]


def file_checksum_matches(path, published_sha256):  # safe: WH102
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest() == published_sha256
