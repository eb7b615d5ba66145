"""A fixed-window rate limit per client (or per any key, over any window), counted in the
database every worker and every instance shares.

The count is one statement, `INSERT ... ON CONFLICT DO UPDATE ... RETURNING` (SQLite and
PostgreSQL both have it), so two workers counting the same client at once both count: a
cache's get-then-set increment (the database cache has no other) can lose one of them. One
statement is also cheap inside the shared report's write transaction, where the view count
and its audit row are written too.
"""

from __future__ import annotations

import time

from django.db import connection
from django.http import HttpRequest

from config.client_address import client_ip
from wizard.models import RequestCount


def _count(key: str, minute: int) -> int:
    """Add one to the client's count for this minute and return the new count."""
    table, key_, minute_, count = (
        connection.ops.quote_name(name)
        for name in (RequestCount._meta.db_table, "key", "minute", "count")
    )
    # Only the model's own quoted names are formatted in; the values are parameters.
    sql = (
        f"INSERT INTO {table} ({key_}, {minute_}, {count}) VALUES (%s, %s, 1) "  # noqa: S608
        f"ON CONFLICT ({key_}, {minute_}) DO UPDATE SET {count} = {table}.{count} + 1 "
        f"RETURNING {count}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [key, minute])
        return cursor.fetchone()[0]


def this_minute() -> int:
    return int(time.time() // 60)


def over_limit(request: HttpRequest, *, scope: str, per_minute: int) -> bool:
    """Count this request; True once the client has made more than `per_minute` in this minute."""
    return over_budget(f"{scope}:{client_ip(request) or 'unknown'}", limit=per_minute)


def over_budget(key: str, *, limit: int, minutes: int = 1) -> bool:
    """Count one more for `key` in the current window of `minutes` (windows start on
    multiples of `minutes` since the epoch); True once the count is over `limit`.

    A window's count is kept under its last minute, so the clean-up below, which forgets
    minutes before the last one, keeps every window until it is over, however long.
    """
    minute = this_minute()
    count = _count(key, minute - minute % minutes + minutes - 1)
    if count == 1:  # a first count in this window: forget the windows gone by
        RequestCount.objects.filter(minute__lt=minute - 1).delete()
    return count > limit
