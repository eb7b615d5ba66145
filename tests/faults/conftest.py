"""Fault tests: real gunicorn processes, real faults. They take a minute or two and (on
PostgreSQL) restart the database server, so they run only when asked for:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hireframe \\
        .venv/bin/python -m pytest -q -m faults tests/faults

Without `-m faults` they are deselected, so `make test` and the ordinary PostgreSQL leg
stay as fast as before. They use their own database (`hireframe_faults` on the server
DATABASE_URL names, dropped and made afresh; a throwaway SQLite file otherwise) and Redis
database 14 when Redis answers on 127.0.0.1:6379.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

FAULTS_DATABASE = "hireframe_faults"
FAULTS_REDIS_URL = os.environ.get("FAULTS_REDIS_URL", "redis://127.0.0.1:6379/14")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "faults" in (config.option.markexpr or ""):
        return
    deselected = [item for item in items if item.get_closest_marker("faults")]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if not item.get_closest_marker("faults")]


def postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if re.match(r"postgres(ql)?(\+\w+)?://", url) else None


def _answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def faults_database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh database for the servers under test, on the configured engine."""
    url = postgres_url()
    if url is None:
        yield f"sqlite:///{tmp_path_factory.mktemp('faults') / 'faults.sqlite3'}"
        return
    import psycopg

    yield_url = urlsplit(url)._replace(path=f"/{FAULTS_DATABASE}").geturl()
    admin = urlsplit(url)._replace(scheme="postgresql", path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{FAULTS_DATABASE}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{FAULTS_DATABASE}"')
    yield yield_url


@pytest.fixture(scope="session")
def faults_redis_url() -> str | None:
    """Redis database 14, emptied; None if Redis is not running."""
    if not _answers("127.0.0.1", 6379):
        return None
    import redis

    redis.Redis.from_url(FAULTS_REDIS_URL).flushdb()
    return FAULTS_REDIS_URL


def app_env(database_url: str, redis_url: str | None, **extra: str) -> dict[str, str]:
    """Production settings (DEBUG off, HTTPS off for plain loopback HTTP) for gunicorn."""
    from bench.http import server_env

    env = server_env(database_url)
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    env.update(extra)
    return env


def restart_postgres() -> None:
    """Restart the local cluster the way an operator (or a crash and systemd) would."""
    import subprocess

    version = sorted(os.listdir("/etc/postgresql"))[-1]
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"],
        check=True,
        capture_output=True,
        timeout=60,
    )


def can_restart_postgres() -> str | None:
    """Why PostgreSQL cannot be restarted here, or None if it can."""
    url = postgres_url()
    if url is None:
        return "the database is SQLite: there is no server to restart"
    if not re.search(r"@(127\.0\.0\.1|localhost)(:\d+)?/", url):
        return "PostgreSQL is not on this machine, so it cannot be restarted from here"
    if not (Path("/etc/postgresql").is_dir() and shutil.which("pg_ctlcluster")):
        return "pg_ctlcluster is not available to restart PostgreSQL"
    return None
