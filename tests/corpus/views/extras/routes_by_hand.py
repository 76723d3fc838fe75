"""Routes declared by hand, as class resources and with Quart: each is a route like any other."""
import quart
from flask import Flask, request
from flask.views import MethodView
from flask_restful import Api, Resource
import requests

app = Flask(__name__)

def unfurl():
    return requests.get(request.args["u"], timeout=3).text  # expect: WH401

app.route("/unfurl")(unfurl)

class Items(MethodView):
    def post(self):
        return requests.get(request.json["u"], timeout=3).text  # expect: WH401

app.add_url_rule("/items", view_func=Items.as_view("items"))

api = Api(app)

class Thing(Resource):
    def post(self):
        return requests.get(request.get_json()["u"], timeout=3).text  # expect: WH401

api.add_resource(Thing, "/things")

qapp = quart.Quart(__name__)

@qapp.route("/q")
async def q():
    return requests.get(quart.request.args["u"], timeout=3).text  # expect: WH401
