"""A fixed-window rate limit per client, kept in the shared cache (the database or Redis),
so every gunicorn worker and every instance counts against the same budget."""

from __future__ import annotations

import time

from django.core.cache import cache
from django.http import HttpRequest

from audit.services import client_ip


def over_limit(request: HttpRequest, *, scope: str, per_minute: int) -> bool:
    """Count this request; True once the client has made more than `per_minute` in this minute."""
    window = int(time.time() // 60)
    key = f"rl:{scope}:{client_ip(request) or 'unknown'}:{window}"
    if cache.add(key, 1, timeout=90):
        return per_minute < 1
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.add(key, 1, timeout=90)
        count = 1
    return count > per_minute
