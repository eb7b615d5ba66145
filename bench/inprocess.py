"""Django in this process, with production settings, on a scratch SQLite database, seeded
as `make bench` seeds its server: for profiling and timing requests without HTTP."""

from __future__ import annotations

import os
import tempfile

import django

from bench.http import server_env


def setup() -> dict[str, object]:
    """Configure Django, migrate a scratch database, collect static files and seed it;
    returns bench/seed.py's data (session cookie, report and draft addresses)."""
    scratch = tempfile.mkdtemp(prefix="hireframe-inprocess-")
    os.environ.update(server_env(f"sqlite:///{scratch}/inprocess.sqlite3"))
    os.environ.update(
        ALLOWED_HOSTS="testserver",  # the test client's host
        STATIC_ROOT=f"{scratch}/static",
        SHARE_LINK_RATE_LIMIT=str(10**9),  # one client, many requests
    )
    django.setup()
    from django.core.management import call_command

    from bench.seed import seed

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    return seed()
