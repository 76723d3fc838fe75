"""Page fetching shared by the link-unfurling views."""
import re

import requests

TITLE = re.compile(r"<title>(.*?)</title>", re.IGNORECASE | re.DOTALL)


def fetch_page(url):
    resp = requests.get(url, timeout=5, headers={"User-Agent": "unfurl/1.0"})  # expect: WH401
    resp.raise_for_status()
    return resp.text


def page_title(html):
    match = TITLE.search(html)
    return match.group(1).strip() if match else ""
