"""Faults during live guest journeys: a gunicorn worker SIGKILLed, PostgreSQL restarted.

Every save the server acknowledged (2xx/3xx) must be in the database afterwards; requests
during the fault may fail (they are counted), and the app must recover by itself.
"""

from __future__ import annotations

import json
import os
import signal
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.http import Gunicorn
from bench.journey_client import answers_by_code, lost_answers, run_journeys, summary
from tests.faults.conftest import app_env, can_restart_postgres, restart_postgres

pytestmark = pytest.mark.faults

THREADS = 6
SECONDS = 10


@pytest.fixture(scope="module")
def server(faults_database_url: str, faults_redis_url: str | None) -> Iterator[Gunicorn]:
    with Gunicorn(app_env(faults_database_url, faults_redis_url), workers=2) as running:
        yield running


def workers_of(server: Gunicorn) -> list[int]:
    pid = server.process.pid
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return sorted(int(child) for child in children)


def health(url: str) -> int:
    try:
        with urllib.request.urlopen(f"{url}/healthz", timeout=3) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def healthy_within(url: str, seconds: float) -> float | None:
    """Seconds until /healthz answered 200, or None if it did not within `seconds`."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if health(url) == 200:
            return time.monotonic() - started
        time.sleep(0.2)
    return None


def report(name: str, facts: dict) -> None:
    print(f"\n{name}: {json.dumps(facts)}")


def test_no_acknowledged_answer_is_lost_when_a_worker_is_killed(server, faults_database_url):
    """A worker SIGKILLed mid-journey loses no acknowledged save; gunicorn replaces it."""
    killed: list[int] = []

    def kill_a_worker() -> None:
        time.sleep(SECONDS / 3)
        victim = workers_of(server)[0]
        os.kill(victim, signal.SIGKILL)
        killed.append(victim)

    journeys = run_journeys([server.url], threads=THREADS, seconds=SECONDS, during=kill_a_worker)

    facts = summary(journeys)
    report("SIGKILL of one worker", facts)
    assert killed, "no worker was killed"
    assert lost_answers(journeys, answers_by_code(faults_database_url, journeys)) == []
    assert facts["finished"] == facts["journeys"] >= THREADS
    assert healthy_within(server.url, 10) is not None
    workers = workers_of(server)
    assert len(workers) == 2 and killed[0] not in workers


@pytest.mark.skipif(bool(can_restart_postgres()), reason=can_restart_postgres() or "")
def test_the_app_recovers_by_itself_when_postgresql_restarts(server, faults_database_url):
    """A PostgreSQL restart mid-journey loses no acknowledged save, and the app recovers
    without anyone touching it: the stale persistent connections are replaced."""
    outage: dict[str, float] = {}

    def restart() -> None:
        time.sleep(SECONDS / 3)
        started = time.monotonic()
        restart_postgres()
        outage["restart_seconds"] = round(time.monotonic() - started, 1)
        outage["healthy_after_seconds"] = round(healthy_within(server.url, 30) or -1, 1)

    journeys = run_journeys([server.url], threads=THREADS, seconds=SECONDS, during=restart)

    facts = {**summary(journeys), **outage}
    report("PostgreSQL restart", facts)
    assert lost_answers(journeys, answers_by_code(faults_database_url, journeys)) == []
    assert outage["healthy_after_seconds"] >= 0, "/healthz did not return to 200 in 30 s"
    # Every journey, including those hit by the outage, was finished afterwards.
    assert facts["finished"] == facts["journeys"] >= THREADS
    # And every worker answers again: more requests than workers, all successful.
    assert all(health(server.url) == 200 for _ in range(8))
