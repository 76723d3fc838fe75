"""`!g rust` style shortcuts: the key picks one of the configured engines."""
from urllib.parse import quote

from flask import redirect, request, url_for

from . import app
from .models import SavedSearch

ENGINES = {
    "g": "https://www.search.example/search?q={}",
    "w": "https://wiki.example/w/index.php?search={}",
    "m": "https://maps.example/?q={}",
}


@app.route("/bang")
def bang():
    key = request.args.get("b", "g")
    q = request.args.get("q", "")
    if key not in ENGINES:
        return redirect(url_for("results", q=q))
    return redirect(ENGINES[key].format(quote(q)))


@app.route("/bang/default")
def bang_default():
    engine = ENGINES.get(request.args.get("b"), "https://www.search.example/search?q={}")
    return redirect(engine.format(quote(request.args.get("q", ""))))


@app.route("/results")
def results():
    return "results for " + request.args.get("q", "")


@app.route("/saved/<int:search_id>")
def saved(search_id):
    item = SavedSearch.query.get_or_404(search_id)
    return redirect(item.url)


@app.route("/paged")
def paged():
    return redirect("%s?page=%s" % (url_for("results"), request.args.get("page", "1")))
