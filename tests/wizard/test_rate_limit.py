"""The per-client rate limit: counted in the database, per minute, exactly, forgotten."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import RequestFactory

from wizard import rate_limit
from wizard.models import RequestCount

pytestmark = pytest.mark.django_db

MINUTE = 29_000_000  # some minute since the epoch


@pytest.fixture
def now(monkeypatch):
    """The limit's clock, set to MINUTE; move it on with `now(minutes)`."""

    def set_to(minutes: int = 0) -> None:
        monkeypatch.setattr(rate_limit, "this_minute", lambda: MINUTE + minutes)

    set_to()
    return set_to


def _request(address: str = "198.51.100.7"):
    return RequestFactory().get("/", REMOTE_ADDR=address)


def test_a_client_is_over_the_limit_after_so_many_requests_in_a_minute(now):
    answers = [rate_limit.over_limit(_request(), scope="t", per_minute=3) for _ in range(5)]
    assert answers == [False, False, False, True, True]
    assert not rate_limit.over_limit(_request("203.0.113.9"), scope="t", per_minute=3)
    assert not rate_limit.over_limit(_request(), scope="other", per_minute=3)


def test_the_next_minute_starts_again_and_forgets_the_minutes_before(now):
    for _ in range(4):
        rate_limit.over_limit(_request(), scope="t", per_minute=3)
    now(1)
    assert not rate_limit.over_limit(_request(), scope="t", per_minute=3)
    now(2)
    rate_limit.over_limit(_request("203.0.113.9"), scope="t", per_minute=3)
    assert set(RequestCount.objects.values_list("minute", flat=True)) == {MINUTE + 1, MINUTE + 2}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="threads need a server database")
@pytest.mark.django_db(transaction=True)
def test_requests_counted_at_the_same_time_are_all_counted(now):
    """Eight threads, each its own connection, count 200 requests: the count is 200 (a
    cache's get-then-set increment would lose some)."""

    def count_25() -> None:
        try:
            for _ in range(25):
                rate_limit.over_limit(_request(), scope="t", per_minute=10**6)
        finally:
            connection.close()

    with ThreadPoolExecutor(8) as pool:
        for future in [pool.submit(count_25) for _ in range(8)]:
            future.result()
    assert RequestCount.objects.get().count == 200


def test_a_longer_window_counts_across_its_minutes_and_is_kept_until_it_is_over(now):
    """A 15-minute budget is spent across minutes; minute-long counts elsewhere do not
    clean it up early; the next window starts again."""
    start = MINUTE - MINUTE % 15
    now(start - MINUTE)
    assert not rate_limit.over_budget("reset:x", limit=1, minutes=15)
    now(start - MINUTE + 10)
    rate_limit.over_limit(_request("203.0.113.9"), scope="t", per_minute=3)  # cleans up
    assert rate_limit.over_budget("reset:x", limit=1, minutes=15)
    now(start - MINUTE + 15)
    assert not rate_limit.over_budget("reset:x", limit=1, minutes=15)
