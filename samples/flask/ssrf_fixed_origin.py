"""Product pages backed by an internal catalog API: the client only picks the product id,
which lands in the path or query of a fixed origin (no finding expected)."""
from urllib.parse import urljoin

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)

CATALOG_API = "https://catalog.internal.example/v2/"


@app.route("/products/<product_id>")
def product(product_id):
    item = requests.get(f"https://catalog.internal.example/v2/products/{product_id}", timeout=5).json()
    reviews = requests.get(urljoin(CATALOG_API, "reviews"), params={"product": product_id}, timeout=5).json()
    page = request.args.get("page", "1")
    related = requests.get(CATALOG_API + "related?product=" + product_id + "&page=" + page, timeout=5).json()
    return jsonify(item=item, reviews=reviews, related=related)
