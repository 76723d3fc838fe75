"""Choosing the page to return to. The candidates (the `next` parameter, the session, the
configuration) are tried in order and the first that passes validate_redirect_url() wins."""
from urllib.parse import urlsplit

from flask import current_app, request, session


def config_value(key):
    return current_app.config.get("ACCOUNTS_" + key)


def validate_redirect_url(url):
    """Only a path of this site, this host, or a subdomain of the configured server name."""
    if url is None or url.strip() == "":
        return False
    url_next = urlsplit(url)
    url_base = urlsplit(request.host_url)
    if (url_next.netloc or url_next.scheme) and url_next.netloc != url_base.netloc:
        base_domain = current_app.config.get("SERVER_NAME")
        if (
            config_value("ALLOW_SUBDOMAINS")
            and base_domain
            and (url_next.netloc == base_domain or url_next.netloc.endswith(f".{base_domain}"))
        ):
            return True
        return False
    if config_value("VALIDATE_MODE") == "regex":
        matcher = current_app.extensions["accounts"].redirect_pattern.match(url)
        return matcher is None
    return True


def loose_redirect_url(url):
    """Accepts any host that merely ends like the server name: "evilexample.com" passes."""
    url_next = urlsplit(url)
    base_domain = current_app.config.get("SERVER_NAME")
    return not url_next.netloc or url_next.netloc.endswith(f"{base_domain}")


def find_redirect(key):
    return session.pop(key.lower(), None) or config_value(key.upper()) or "/"


def post_action_redirect(config_key, declared=None):
    urls = [request.args.get("next", None), request.form.get("next", None), find_redirect(config_key)]
    if declared:
        urls.insert(0, declared)
    for url in urls:
        if url and validate_redirect_url(url):
            return url
    raise ValueError("no valid redirect URL: check " + config_key)


def first_redirect(config_key):
    for url in [request.args.get("next"), find_redirect(config_key)]:
        if url:
            return url
    return "/"
