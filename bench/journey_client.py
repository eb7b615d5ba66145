"""Guest journeys over real HTTP, as a browser without JavaScript would make them (plus the
autosaves the page's script sends), and the check that no acknowledged answer was lost.

Used by the fault tests (tests/faults/) and the scale-out bench (bench/scale_out.py):

    journeys = run_journeys(["http://127.0.0.1:8001", "http://127.0.0.1:8002"], threads=6,
                            seconds=20)
    lost = lost_answers(journeys, answers_by_code(database_url, journeys))

Each journey has its own cookie jar, starts a guest draft, and for each of the four steps
GETs the page, autosaves a first draft of the answers (`HX-Request`, as htmx does) and
posts the final ones with Continue. A request that fails (a refused connection, a reset,
a 5xx) is counted and retried after reloading the step, until the run's deadline. Requests
go to the given base URLs in turn, so with two instances every journey alternates.

Only loopback URLs are accepted: this drives test servers, never anything else.
"""

from __future__ import annotations

import http.client
import http.cookiejar
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

STEPS = ("maturity", "paths", "roi", "hiring")
_VERSION = re.compile(r'id="version" value="(\d+)"')


@dataclass
class Reply:
    status: int  # 0: no HTTP answer at all (refused, reset, timed out)
    headers: dict[str, str]
    body: str

    @property
    def acknowledged(self) -> bool:
        return 200 <= self.status < 400


@dataclass
class Attempt:
    """One save sent to the server; `acknowledged` if it answered 2xx/3xx."""

    step: str
    value: Any  # what the database must hold for the step if this save was the last acked
    acknowledged: bool
    kind: str  # "autosave" or "continue"


@dataclass
class Journey:
    number: int
    code: str | None = None
    attempts: list[Attempt] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    finished: bool = False


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # a 3xx is an answer to record, not something to follow


class Browser:
    """One visitor: a cookie jar, and base URLs taken in turn for each request."""

    def __init__(self, bases: list[str], *, timeout: float = 10) -> None:
        for base in bases:
            host = urllib.parse.urlsplit(base).hostname
            if host not in ("127.0.0.1", "localhost", "::1"):
                raise ValueError(f"journeys only run against loopback servers, not {base}")
        self.bases = bases
        self.timeout = timeout
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )
        self.sent = 0

    def csrf_token(self) -> str:
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")

    def request(
        self, method: str, path: str, data: dict[str, Any] | None = None, *, htmx: bool = False
    ) -> Reply:
        base = self.bases[self.sent % len(self.bases)]
        self.sent += 1
        headers = {"X-CSRFToken": self.csrf_token()} if method == "POST" else {}
        if htmx:
            headers["HX-Request"] = "true"
        body = None
        if data is not None:
            payload = {"csrfmiddlewaretoken": self.csrf_token(), **data}
            body = urllib.parse.urlencode(payload).encode()
        req = urllib.request.Request(base + path, data=body, headers=headers, method=method)
        try:
            with self.opener.open(req, timeout=self.timeout) as response:
                return Reply(response.status, dict(response.headers), response.read().decode())
        except urllib.error.HTTPError as error:
            text = error.read().decode(errors="replace")
            return Reply(error.code, dict(error.headers or {}), text)
        except (OSError, http.client.HTTPException) as error:
            return Reply(0, {}, repr(error))


# --- What each journey answers ------------------------------------------------------------


def _management(prefix: str, total: int, initial: int) -> dict[str, str]:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "50",
    }


def step_posts(number: int) -> dict[str, list[tuple[dict[str, str], Any]]]:
    """Per step: (form data, value the database then holds) for the autosave, then Continue.

    Values differ per journey, so one journey's answers can never pass for another's."""
    names = [f"Journey {number} path {i}" for i in range(2)]
    paths = _management("paths", 2, 0)
    for i, name in enumerate(names):
        paths.update({f"paths-{i}-name": name, f"paths-{i}-kind": "predictive"})

    def roi(impact: int) -> dict[str, str]:
        data = {
            **_management("roi", 2, 2),
            "roi-costs-ml_engineer_annual_cost": "200000",
            "roi-costs-horizon_years": "3",
        }
        for i in range(2):
            data.update(
                {
                    f"roi-{i}-annual_impact": str(impact + i),
                    f"roi-{i}-labelled_examples": "1000",
                    f"roi-{i}-months_to_build": "6",
                    f"roi-{i}-maintenance": "medium",
                    f"roi-{i}-foundation_model_adequate": "partly",
                }
            )
        return data

    def maturity(pilots: int) -> dict[str, str]:
        return {"working_pilots": str(pilots), "systems_in_production": "0", "declared_level": ""}

    def hiring(headcount: int) -> dict[str, str]:
        return {
            "headcount": str(headcount),
            "ai_engineer_annual_cost": "180000",
            "infra_engineer_annual_cost": "190000",
            "months_to_hire": "3",
            "hires_per_quarter": "3",
        }

    first, final = 1_000 + number, 2_000 + number
    return {
        "maturity": [
            (maturity(number % 7), number % 7),
            (maturity(number % 7 + 1), number % 7 + 1),
        ],
        "paths": [(paths, names), (paths, names)],
        "roi": [(roi(first * 10), first * 10), (roi(final * 10), final * 10)],
        "hiring": [(hiring(first), first), (hiring(final), final)],
    }


def saved_value(step: str, answers: dict[str, Any]) -> Any:
    """The value `step_posts` describes, read back from an assessment's answers."""
    paths = answers.get("critical_paths") or []
    if step == "maturity":
        return int(answers.get("maturity", {}).get("working_pilots", -1))
    if step == "paths":
        return [path["name"] for path in paths]
    if step == "roi":
        return int(paths[0].get("annual_impact", -1)) if paths else None
    return int((answers.get("organisation") or {}).get("headcount") or -1)


# --- Driving ------------------------------------------------------------------------------


def _version(reply: Reply) -> int | None:
    found = _VERSION.search(reply.body)
    return int(found.group(1)) if found else None


def _record(journey: Journey, reply: Reply) -> Reply:
    journey.statuses[reply.status // 100 * 100 if reply.status else 0] += 1
    return reply


def drive(browser: Browser, journey: Journey, deadline: float, pause: float = 0.0) -> None:
    """One guest journey, retrying what fails until it is done or the deadline passes."""

    def call(method: str, path: str, data: dict[str, Any] | None = None, **kw: Any) -> Reply:
        reply = _record(journey, browser.request(method, path, data, **kw))
        if reply.status == 0 or reply.status >= 400:
            journey.failures.append(f"{method} {path}: {reply.status or reply.body[:80]}")
            time.sleep(0.2)  # what a person would do: wait a moment and try again
        elif pause:
            time.sleep(pause)
        return reply

    while time.monotonic() < deadline and not browser.csrf_token():
        call("GET", "/")
    while time.monotonic() < deadline and journey.code is None:
        reply = call("POST", "/start/", {})
        found = re.match(r"/a/([0-9a-f-]{36})/", reply.headers.get("Location", ""))
        if reply.status == 302 and found:
            journey.code = found.group(1)
    posts = step_posts(journey.number)
    for step in STEPS:
        done = False
        autosaved = False
        while time.monotonic() < deadline and not done:
            page = call("GET", f"/a/{journey.code}/{step}/")
            if page.status == 302 and "/report/" in page.headers.get("Location", ""):
                # Finished by a save whose answer never arrived: nothing is left to send.
                journey.finished = True
                return
            version = _version(page)
            if page.status != 200 or version is None:
                continue
            if not autosaved:
                data, value = posts[step][0]
                reply = call(
                    "POST",
                    f"/a/{journey.code}/{step}/autosave/",
                    {**data, "version": str(version), "action": "save"},
                    htmx=True,
                )
                journey.attempts.append(Attempt(step, value, reply.acknowledged, "autosave"))
                if reply.status != 200 or _version(reply) is None:
                    continue
                autosaved = True
                version = _version(reply)
            data, value = posts[step][1]
            reply = call(
                "POST",
                f"/a/{journey.code}/{step}/",
                {**data, "version": str(version), "action": "continue"},
            )
            # Continue answers with a redirect; a 200 is the page again (a conflict).
            done = reply.status == 302
            journey.attempts.append(Attempt(step, value, done, "continue"))
        if not done:
            return
    journey.finished = True


def run_journeys(
    bases: list[str],
    *,
    threads: int,
    seconds: float,
    during: Any = None,
    pause: float = 0.0,
    first_number: int = 0,
) -> list[Journey]:
    """`threads` visitors doing journey after journey for `seconds`; `during()`, if given,
    runs in the calling thread meanwhile (the fault to inject). A journey still unfinished
    at the end gets `seconds` more (at most) to finish, so the check covers whole journeys."""
    journeys: list[Journey] = []
    lock = threading.Lock()
    stop_starting = time.monotonic() + seconds
    hard_deadline = stop_starting + max(seconds, 30)
    counter = iter(range(first_number, first_number + 1_000_000))

    def visitor() -> None:
        while time.monotonic() < stop_starting:
            with lock:
                journey = Journey(next(counter))
                journeys.append(journey)
            drive(Browser(bases), journey, hard_deadline, pause)

    workers = [threading.Thread(target=visitor, daemon=True) for _ in range(threads)]
    for worker in workers:
        worker.start()
    if during is not None:
        during()
    for worker in workers:
        worker.join(timeout=max(0.0, hard_deadline - time.monotonic()) + 15)
    return journeys


# --- Checking -----------------------------------------------------------------------------


def lost_answers(journeys: list[Journey], answers: dict[str, dict[str, Any]]) -> list[str]:
    """Acknowledged saves the database does not hold.

    For each step, the database must hold the value of the last acknowledged save or of a
    save sent after it (a request whose answer was lost may still have been committed)."""
    lost = []
    for journey in journeys:
        if journey.code is None:
            continue
        stored = answers.get(journey.code)
        if stored is None:
            lost.append(f"journey {journey.number}: draft {journey.code} is missing")
            continue
        for step in STEPS:
            attempts = [a for a in journey.attempts if a.step == step]
            acked = [i for i, a in enumerate(attempts) if a.acknowledged]
            if not acked:
                continue
            allowed = [a.value for a in attempts[acked[-1] :]]
            value = saved_value(step, stored)
            if value not in allowed:
                lost.append(f"journey {journey.number} {step}: {value!r} not in {allowed!r}")
    return lost


def answers_by_code(database_url: str, journeys: list[Journey]) -> dict[str, dict[str, Any]]:
    """The stored answers of the journeys' drafts, read straight from the database."""
    codes = [j.code for j in journeys if j.code]
    if database_url.startswith("sqlite:"):
        import json
        import sqlite3

        # The throwaway SQLite database holds only this run's drafts: read them all.
        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as db:
            rows = db.execute("SELECT code, answers FROM wizard_assessment").fetchall()
        wanted = set(codes)
        stored = {_dashed(code): json.loads(answers) for code, answers in rows}
        return {code: answers for code, answers in stored.items() if code in wanted}
    import psycopg

    with psycopg.connect(_libpq(database_url)) as db:
        rows = db.execute(
            "SELECT code::text, answers FROM wizard_assessment WHERE code = ANY(%s::uuid[])",
            [codes],
        ).fetchall()
    return dict(rows)


def _dashed(code: str) -> str:
    return f"{code[:8]}-{code[8:12]}-{code[12:16]}-{code[16:20]}-{code[20:]}"


def _libpq(database_url: str) -> str:
    return re.sub(r"^postgres(ql)?(\+\w+)?://", "postgresql://", database_url)


def summary(journeys: list[Journey]) -> dict[str, Any]:
    statuses: Counter = Counter()
    for journey in journeys:
        statuses.update(journey.statuses)
    return {
        "journeys": len(journeys),
        "finished": sum(j.finished for j in journeys),
        "requests": sum(statuses.values()),
        "acknowledged_saves": sum(a.acknowledged for j in journeys for a in j.attempts),
        "failed_requests": statuses[0] + statuses[500],
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
    }
