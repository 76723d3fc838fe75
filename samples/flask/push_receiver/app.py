import os

from flask import Flask

from pushhooks import PushReceiver

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024
receiver = PushReceiver(app, endpoint="/hooks/push", secret=os.environ.get("PUSH_SECRET"))


@receiver.on("push")
def deploy(payload):
    print("deploying", payload.get("ref"))
