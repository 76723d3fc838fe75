"""Outbound HTTP for the portal: one place that knows the timeout and the allowed hosts."""
import urllib.request
from urllib.parse import urlparse

import requests

from portal.settings import ALLOWED_IMAGE_HOSTS

SESSION = requests.Session()


def fetch(url, **kwargs):
    # The caller decides what url is: this helper only adds the timeout.
    return SESSION.get(url, timeout=5, **kwargs)  # expect: WH401


def fetch_json(url):
    response = requests.get(url, timeout=5)  # expect: WH401
    return response.json()


def legacy_open(url):
    return urllib.request.urlopen(url, timeout=5).read()  # expect: WH401


def is_allowed_image(url):
    parsed = urlparse(url)
    return parsed.scheme == "https" and parsed.hostname in ALLOWED_IMAGE_HOSTS


def require_allowed_image(url):
    if not is_allowed_image(url):
        raise ValueError("image host not allowed")
    return url
