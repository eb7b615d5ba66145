"""Django in this process, with production settings, on a scratch SQLite database, seeded
as `make bench` seeds its server: for profiling and timing requests without HTTP."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from typing import Any

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


def htmx_journey(browser: Any, send: Callable[..., Any] | None = None) -> Any:
    """A guest's journey through the test client `browser` (its cookies cleared first), as
    a browser with JavaScript makes it: the landing page, "Start", the first step, each
    step saved by htmx, the report, whose response is returned. `send(label, method, *args,
    **kwargs)` sends each request, e.g. to time it; by default it just sends it."""
    from bench import journeys

    def just_send(label: str, method: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return method(*args, **kwargs)

    send = send or just_send
    browser.cookies.clear()
    send("landing page", browser.get, "/")
    response = send("Start (POST, redirect)", browser.post, "/start/")
    response = send("step 1 page", browser.get, response["Location"])
    path = response.request["PATH_INFO"]
    for slug in ("maturity", "paths", "roi", "hiring"):
        version = journeys.VERSION.search(response.content).group(1).decode()
        data = {"version": version, "action": "continue", **journeys.step_data(slug)}
        then = "finish" if slug == "hiring" else "next step"
        label = f"save {slug}, {then} (htmx)"
        response = send(label, browser.post, path, data, headers=journeys.HTMX)
        path = response.get("HX-Redirect") or response["HX-Push-Url"]
    return send("report", browser.get, path)
