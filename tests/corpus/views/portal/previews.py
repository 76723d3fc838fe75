"""Link previews and image proxying."""
import http.client
import json
import urllib.request
from urllib.parse import urlparse, urljoin

import httpx
import pycurl
import requests
import urllib3
from flask import Blueprint, abort, jsonify, request

from portal import net

previews = Blueprint("previews", __name__)

POOL = urllib3.PoolManager()
PARTNER_API = "https://partners.example.com/api/"


@previews.route("/unfurl")
def unfurl():
    url = request.args["url"]
    page = requests.get(url, timeout=5)  # expect: WH401
    return jsonify(title=page.text[:80])


@previews.route("/unfurl-get")
def unfurl_get():
    page = requests.get(request.args.get("url"), timeout=5)  # expect: WH401
    return page.text


@previews.post("/unfurl-form")
def unfurl_form():
    target = request.form.get("link", "")
    cleaned = target.strip()
    final = cleaned
    return requests.post(url=final, timeout=5).text  # expect: WH401


@previews.route("/values")
def values_source():
    return requests.head(request.values["u"], timeout=3).headers.get("content-type", "")  # expect: WH401


@previews.post("/json")
def json_source():
    body = request.get_json()
    return requests.get(body["callback"], timeout=5).text  # expect: WH401


@previews.post("/raw")
def raw_json_source():
    payload = json.loads(request.data)
    return requests.get(payload.get("feed"), timeout=5).text  # expect: WH401


@previews.route("/header")
def header_source():
    origin = request.headers.get("X-Forwarded-Origin")
    return requests.get(origin + "/status", timeout=5).text  # expect: WH401


@previews.route("/cookie")
def cookie_source():
    return requests.get(request.cookies["last_feed"], timeout=5).text  # expect: WH401


@previews.route("/proxy/<path:target>")
def path_parameter(target):
    return requests.get(target, timeout=5).content  # expect: WH401


@previews.route("/via-helper")
def via_helper():
    link = request.args.get("link")
    first = link
    second = first
    return net.fetch(second).text


@previews.route("/via-helper-json")
def via_helper_json():
    return jsonify(net.fetch_json(request.args["api"]))


@previews.route("/legacy")
def legacy():
    return net.legacy_open(request.args["u"])


@previews.route("/httpx")
def httpx_get():
    return httpx.get(request.args["u"], timeout=5).text  # expect: WH401


@previews.route("/httpx-client")
def httpx_client():
    with httpx.Client(timeout=5) as client:
        return client.get(request.args["u"]).text  # expect: WH401


@previews.route("/session")
def requests_session():
    with requests.Session() as s:
        return s.get(request.args["u"], timeout=5).text  # expect: WH401


@previews.route("/urlopen")
def urlopen_request():
    req = urllib.request.Request(request.args["u"], headers={"User-Agent": "portal"})  # expect: WH401
    return urllib.request.urlopen(req, timeout=5).read()


@previews.route("/pool")
def pool_request():
    return POOL.request("GET", request.args["u"], timeout=5).data  # expect: WH401


@previews.route("/http-client")
def http_client():
    host = request.args["host"]
    conn = http.client.HTTPSConnection(host, timeout=5)  # expect: WH401
    conn.request("GET", "/health")
    return conn.getresponse().read()


@previews.route("/curl")
def curl_fetch():
    c = pycurl.Curl()
    c.setopt(pycurl.URL, request.args["u"])  # expect: WH401
    c.setopt(pycurl.TIMEOUT, 5)
    c.perform()
    return "ok"


@previews.route("/partner/<item>")
def partner_item(item):
    # Only the path below a fixed host is the client's: partial SSRF, reported at a lower level.
    return requests.get(PARTNER_API + "items/" + item, timeout=5).text  # expect: WH401


@previews.route("/partner-search")
def partner_search():
    q = request.args.get("q", "")
    return requests.get(f"https://partners.example.com/search/{q}", timeout=5).text  # expect: WH401


# --- validated or fixed: no finding -------------------------------------------------------


@previews.route("/image")
def image_allowlisted():  # safe: WH401
    url = request.args.get("src", "")
    if not net.is_allowed_image(url):
        abort(400)
    return net.fetch(url).content


@previews.route("/image-raises")
def image_raising_helper():  # safe: WH401
    url = net.require_allowed_image(request.args.get("src", ""))
    return net.fetch(url).content


@previews.route("/netloc")
def netloc_allowlist():  # safe: WH401
    url = request.args.get("u", "")
    if urlparse(url).netloc not in {"status.example.com"}:
        abort(400)
    return requests.get(url, timeout=5).text


@previews.route("/prefix")
def full_origin_prefix():  # safe: WH401
    url = request.args.get("u", "")
    if not url.startswith("https://status.example.com/"):
        abort(400)
    return requests.get(url, timeout=5).text


@previews.route("/query-param")
def query_param_only():  # safe: WH401
    # The client picks a query value, sent as params: host and path stay fixed.
    return requests.get("https://partners.example.com/search", params={"q": request.args["q"]}, timeout=5).text


@previews.route("/int-id/<int:item_id>")
def integer_path(item_id):  # safe: WH401
    return requests.get(PARTNER_API + "items/" + str(int(item_id)), timeout=5).text


@previews.route("/choice")
def mapped_choice():  # safe: WH401
    feeds = {"news": "https://news.example.com/rss", "blog": "https://blog.example.com/rss"}
    url = feeds.get(request.args.get("feed"), feeds["news"])
    return requests.get(url, timeout=5).text


@previews.route("/static-fetch")
def static_fetch():  # safe: WH401
    return requests.get("https://status.example.com/api", timeout=5).text


@previews.route("/joined")
def joined_on_fixed_base():
    # urljoin lets an absolute second argument replace the base: the client picks the host.
    page = request.args.get("page", "")
    return requests.get(urljoin(PARTNER_API, page), timeout=5).text  # expect: WH401
