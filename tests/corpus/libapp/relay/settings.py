import os

RELAY_SIGNING_KEY = os.environ.get("RELAY_SIGNING_KEY", "").encode()
QUEUE_URL = os.environ.get("RELAY_QUEUE_URL", "amqp://localhost")

from svix.webhooks import Webhook  # noqa: E402

alert_verifier = Webhook(os.environ["RELAY_ALERTS_SECRET"])
