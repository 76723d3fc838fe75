"""Remembers GitHub delivery ids so that a delivery is processed once.

SET with NX both records the id and tells whether it was already there, atomically: two
copies of the same delivery arriving together cannot both pass.
"""
import os

import redis

DELIVERY_TTL_SECONDS = 7 * 24 * 3600

_store = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))


def seen_before(delivery_id):
    first_time = _store.set(f"github:delivery:{delivery_id}", 1, nx=True, ex=DELIVERY_TTL_SECONDS)
    return not first_time
