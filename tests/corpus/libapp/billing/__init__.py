"""Billing service: an app factory that mounts the signed receiver from the hook library."""
import os

from flask import Flask

from hooklib import EventReceiver, SignedReceiver


def create_app():
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_pyfile("billing.cfg")
    SignedReceiver(os.environ["BILLING_HOOK_KEY"].encode(), app)
    return app


def create_worker_app():
    worker = Flask("billing_worker")  # expect: WH301
    worker.config.from_mapping(JSON_SORT_KEYS=False)
    EventReceiver(worker, endpoint="/hooks/worker")
    return worker
