"""Two app instances, one PostgreSQL, one Redis: journeys that alternate between them.

    .venv/bin/python -m bench.scale_out [--seconds 30] [--threads 8] [--workers 2]

Starts two gunicorn processes (production settings, `--workers` sync workers each) on two
loopback ports, both on the same PostgreSQL database and the same Redis, then checks:

1. sessions are shared: a guest draft started on A opens on B;
2. the share-link rate limit is shared: requests alternating A, B, A, … get 429 at the
   configured count across both (`SHARE_LINK_RATE_LIMIT`, 10 here; counted in the
   database, which is made afresh for each run);
3. `--threads` guests do journey after journey for `--seconds`, every request going to the
   other instance from the one before: it reports errors (must be 0) and acknowledged
   answers the database does not hold (must be 0).

The database (`hireframe_scale_out` on the PostgreSQL of DATABASE_URL, or on
127.0.0.1:5432) is dropped and made afresh; Redis is database 13 unless --redis-url says
otherwise. Results go to var/bench/scale_out.json. See docs/scaling.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any
from urllib.parse import urlsplit

from bench.http import RESULTS, Gunicorn, server_env
from bench.journey_client import (
    Browser,
    answers_by_code,
    lost_answers,
    run_journeys,
    summary,
)

RATE_LIMIT = 10
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/13"
DATABASE = "hireframe_scale_out"


def fresh_database(url: str, name: str) -> str:
    """Drop and create database `name` on the server `url` points at; return its URL."""
    import psycopg

    admin = urlsplit(url)._replace(scheme="postgresql", path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return urlsplit(url)._replace(path=f"/{name}").geturl()


@contextmanager
def two_instances(database_url: str, redis_url: str, workers: int) -> Iterator[list[Gunicorn]]:
    """Instances A and B: separate gunicorn processes sharing the database and Redis."""

    # One environment for both, as for N containers of one release: above all the same
    # SECRET_KEY, or each instance rejects the other's sessions.
    env = server_env(database_url)
    env.update(REDIS_URL=redis_url, SHARE_LINK_RATE_LIMIT=str(RATE_LIMIT))
    with ExitStack() as stack:
        yield [stack.enter_context(Gunicorn(dict(env), workers)) for _ in range(2)]


def session_is_shared(bases: list[str]) -> bool:
    """A guest starts a draft on B (after fetching the page from A); A then opens it."""
    browser = Browser(bases)
    browser.request("GET", "/")  # A: the CSRF cookie
    started = browser.request("POST", "/start/", {})  # B: the draft and the session
    location = started.headers.get("Location", "")
    if started.status != 302 or not re.match(r"/a/[0-9a-f-]{36}/maturity/$", location):
        return False
    return browser.request("GET", location).status == 200  # A


def rate_limit_statuses(bases: list[str], limit: int = RATE_LIMIT) -> list[int]:
    """Share-link lookups alternating between the instances, one more than the limit."""
    # A fixed one-minute window: start well inside one, so all requests count together.
    if time.time() % 60 > 50:
        time.sleep(61 - time.time() % 60)
    browser = Browser(bases)
    return [browser.request("GET", f"/r/{'x' * 43}/").status for _ in range(limit + 1)]


def scale_out(
    database_url: str, redis_url: str, *, seconds: float, threads: int, workers: int = 2
) -> dict[str, Any]:
    with two_instances(database_url, redis_url, workers) as instances:
        bases = [instance.url for instance in instances]
        shared_session = session_is_shared(bases)
        limit_statuses = rate_limit_statuses(bases)
        started = time.monotonic()
        journeys = run_journeys(bases, threads=threads, seconds=seconds)
        elapsed = time.monotonic() - started
    lost = lost_answers(journeys, answers_by_code(database_url, journeys))
    facts = summary(journeys)
    return {
        "instances": 2,
        "workers_per_instance": workers,
        "threads": threads,
        "seconds": round(elapsed, 1),
        "session_shared": shared_session,
        "rate_limit": RATE_LIMIT,
        "rate_limit_statuses": limit_statuses,
        "rate_limit_shared": limit_statuses == [404] * RATE_LIMIT + [429],
        **facts,
        "requests_per_second": round(facts["requests"] / elapsed, 1),
        "lost_answers": lost,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="sync workers per instance")
    parser.add_argument("--redis-url", default=DEFAULT_REDIS_URL)
    args = parser.parse_args()
    server = os.environ.get("DATABASE_URL", "")
    if not server.startswith(("postgres://", "postgresql://")):
        server = "postgres://postgres@127.0.0.1:5432/postgres"
    database_url = fresh_database(server, DATABASE)
    result = scale_out(
        database_url,
        args.redis_url,
        seconds=args.seconds,
        threads=args.threads,
        workers=args.workers,
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "scale_out.json").write_text(json.dumps(result, indent=2))
    print(json.dumps({k: v for k, v in result.items() if k != "lost_answers"}, indent=2))
    print(f"lost answers: {len(result['lost_answers'])}")
    errors = result["failed_requests"] or result["statuses"].get("400", 0)
    ok = result["session_shared"] and result["rate_limit_shared"] and not result["lost_answers"]
    sys.exit(0 if ok and not errors and result["finished"] == result["journeys"] else 1)


if __name__ == "__main__":
    main()
