"""Message relay: forwards signed provider events to the internal queue."""
import os

from svix.webhooks import Webhook

verifier = Webhook(os.environ["RELAY_EVENTS_SECRET"])
