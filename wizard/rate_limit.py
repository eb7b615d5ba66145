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
    # Counting on is the common case, so try it first: in the database cache an add() that
    # finds the key costs a write transaction of its own.
    for _ in range(2):
        try:
            return cache.incr(key) > per_minute
        except ValueError:  # the first request of this window
            if cache.add(key, 1, timeout=90):
                return per_minute < 1
    return False  # the key came and went twice in a moment: let this one through
