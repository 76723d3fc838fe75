"""Order bookkeeping used by the webhook samples (no request handling here)."""
import logging

log = logging.getLogger(__name__)


def mark_paid(order_id, amount):
    log.info("order %s paid %s", order_id, amount)


def send_receipt(email):
    log.info("receipt to %s", email)
