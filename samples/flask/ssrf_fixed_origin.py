"""Product pages backed by an internal catalog API: the client only picks the product id. In
the query of a fixed origin it can pick nothing else; in the path it can pick another endpoint
of the catalog API ("../admin"), which is partial SSRF, reported one level lower."""
from urllib.parse import urljoin

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)

CATALOG_API = "https://catalog.internal.example/v2/"


@app.route("/products/<product_id>")
def product(product_id):
    item = requests.get(f"https://catalog.internal.example/v2/products/{product_id}", timeout=5).json()  # expect: WH401
    reviews = requests.get(urljoin(CATALOG_API, "reviews"), params={"product": product_id}, timeout=5).json()
    page = request.args.get("page", "1")
    related = requests.get(CATALOG_API + "related?product=" + product_id + "&page=" + page, timeout=5).json()
    return jsonify(item=item, reviews=reviews, related=related)
