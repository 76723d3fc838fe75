from flask import Flask, request
app = Flask(__name__)
@app.route("/w", methods=["POST"])
def w(:
    data = request.get_json(
    if data["a"] ==
