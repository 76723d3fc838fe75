"""Deploy hook service: the application, its configuration and the receivers it mounts."""
from flask import Flask

from hooklib import EventReceiver, HookBlueprint

app = Flask(__name__, instance_relative_config=True)
app.config.from_object("hookhub.config.ProductionConfig")
app.config.from_pyfile("hooks.cfg", silent=True)

ci_events = EventReceiver(app, endpoint="/hooks/ci")
chat = HookBlueprint("chat", __name__, url_prefix="/chat")
app.register_blueprint(chat)

from hookhub import views  # noqa: E402,F401  (registers the deploy routes)
