"""Full wizard journeys per second, as a browser without JavaScript makes them.

    .venv/bin/python -m bench.journeys URL [--target app|peer] [--duration 10]

One journey of the app: the landing page, "Start" as a guest, then for each of the four
steps a GET of the page and a plain POST that redirects to the next one, then the report.
One journey of the django-formtools peer (bench/peer/): its first page, then the four steps
posted (formtools answers each POST with the next step's page), then its done page.

The same driver runs both: `concurrency` processes (no shared GIL with each other), each a
loop of whole journeys on one keep-alive connection with its own cookies, until the time is
up. Journeys still running at the deadline are not counted. Errors are responses >= 400,
unexpected pages and socket errors; a failed journey is abandoned and a new one started.
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import re
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

PATHS = [
    ("Churn prediction", "predictive"),
    ("Support replies", "generative"),
    ("Invoice matching", "agentic"),
]
MATURITY = {"working_pilots": "2", "systems_in_production": "1", "declared_level": ""}
ROI = {
    "annual_impact": "250000",
    "labelled_examples": "50000",
    "months_to_build": "4",
    "maintenance": "medium",
    "foundation_model_adequate": "partly",
}
HIRING = {
    "headcount": "120",
    "ai_engineer_annual_cost": "180000",
    "infra_engineer_annual_cost": "190000",
    "months_to_hire": "3",
    "hires_per_quarter": "3",
}
# Asked in the ROI step, beside the build costs they price.
BUILD_COSTS = {"roi-costs-ml_engineer_annual_cost": "200000", "roi-costs-horizon_years": "3"}
VERSION = re.compile(rb'name="version" id="version" value="(\d+)"')
PEER_STEP = re.compile(rb'name="peer_wizard-current_step" value="(\w+)"')


class JourneyFailed(Exception):
    pass


def _management(prefix: str, total: int, initial: int) -> dict[str, str]:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "50",
    }


def step_data(slug: str, prefix: str = "") -> dict[str, str]:
    """One step's answers as the browser posts them; `prefix` is formtools' step prefix."""
    if slug == "maturity":
        data = dict(MATURITY)
    elif slug == "paths":
        data = _management("paths", len(PATHS), 0)
        for i, (name, kind) in enumerate(PATHS):
            data.update({f"paths-{i}-name": name, f"paths-{i}-kind": kind})
        return data  # formset prefixes are already the step's name in both servers
    elif slug == "roi":
        data = {**_management("roi", len(PATHS), len(PATHS)), **BUILD_COSTS}
        for i in range(len(PATHS)):
            data.update({f"roi-{i}-{key}": value for key, value in ROI.items()})
        return data
    else:
        data = dict(HIRING)
    return {f"{prefix}{key}": value for key, value in data.items()}


class Browser:
    """One keep-alive connection with a cookie jar; follows redirects like a browser."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.connection = http.client.HTTPConnection(host, port, timeout=30)
        self.cookies: dict[str, str] = {}

    def request(
        self,
        method: str,
        path: str,
        data: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> bytes:
        """The final page's body after following redirects (a POST's redirect is a GET)."""
        extra = headers or {}
        for _ in range(5):
            headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), **extra}
            body = None
            if data is not None:
                body = urlencode({"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **data})
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                content = response.read()
            except (OSError, http.client.HTTPException) as error:
                self.connection.close()
                raise JourneyFailed(f"socket: {error}") from error
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            if response.status in (301, 302, 303):
                method, path, data = "GET", urlsplit(response.headers["Location"]).path, None
                continue
            if response.status >= 400:
                raise JourneyFailed(f"{response.status} {method} {path}")
            self.path = path
            self.headers = response.headers
            return content
        raise JourneyFailed("too many redirects")


def app_journey(browser: Browser) -> None:
    browser.request("GET", "/")
    page = browser.request("POST", "/start/", {})
    for slug, next_slug in zip(
        ("maturity", "paths", "roi", "hiring"), ("paths", "roi", "hiring", "report"), strict=True
    ):
        if not browser.path.endswith(f"/{slug}/"):
            raise JourneyFailed(f"expected step {slug}, got {browser.path}")
        version = VERSION.search(page)
        if version is None:
            raise JourneyFailed(f"no version on {browser.path}")
        data = {"version": version.group(1).decode(), "action": "continue", **step_data(slug)}
        page = browser.request("POST", browser.path, data)
        if not browser.path.endswith(f"/{next_slug}/"):
            raise JourneyFailed(f"{slug} did not lead to {next_slug}: {browser.path}")


def app_htmx_journey(browser: Browser) -> None:
    """As a browser with JavaScript: each step's "Save and continue" is one htmx POST whose
    answer is the next step's form (the finish answers with HX-Redirect to the report)."""
    browser.request("GET", "/")
    page = browser.request("POST", "/start/", {})
    path = browser.path
    for slug, next_slug in zip(
        ("maturity", "paths", "roi", "hiring"), ("paths", "roi", "hiring", "report"), strict=True
    ):
        version = VERSION.search(page)
        if version is None:
            raise JourneyFailed(f"no version on {slug}")
        data = {"version": version.group(1).decode(), "action": "continue", **step_data(slug)}
        page = browser.request("POST", path, data, headers=HTMX)
        path = browser.headers.get("HX-Redirect") or browser.headers.get("HX-Push-Url") or ""
        if not path.endswith(f"/{next_slug}/"):
            raise JourneyFailed(f"{slug} did not lead to {next_slug}: {path!r}")
    browser.request("GET", path)


HTMX = {"HX-Request": "true"}


def peer_journey(browser: Browser) -> None:
    page = browser.request("GET", "/peer/")
    for slug in ("maturity", "paths", "roi", "hiring"):
        current = PEER_STEP.search(page)
        if current is None or current.group(1).decode() != slug:
            raise JourneyFailed(f"peer: expected step {slug}")
        data = {"peer_wizard-current_step": slug, **step_data(slug, prefix=f"{slug}-")}
        page = browser.request("POST", "/peer/", data)
    if "/peer/done/" not in browser.path:
        raise JourneyFailed(f"peer did not finish: {browser.path}")


JOURNEYS = {"app": app_journey, "app-htmx": app_htmx_journey, "peer": peer_journey}


@dataclass
class Tally:
    journeys: int = 0
    errors: int = 0
    durations_ms: list[float] = field(default_factory=list)
    first_errors: list[str] = field(default_factory=list)


def _client(args: tuple[str, str, float, float]) -> Tally:
    url, target, deadline, interval = args
    parts = urlsplit(url)
    journey = JOURNEYS[target]
    tally = Tally()
    next_start = time.monotonic()
    while True:
        if interval:  # a paced soak: start journeys on a schedule, not back to back
            delay = next_start - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            next_start += interval
        if time.monotonic() >= deadline:
            return tally
        browser = Browser(parts.hostname, parts.port)  # a new visitor: no cookies
        start = time.monotonic()
        try:
            journey(browser)
        except JourneyFailed as error:
            tally.errors += 1
            if len(tally.first_errors) < 3:
                tally.first_errors.append(str(error))
            continue
        finally:
            browser.connection.close()
        end = time.monotonic()
        if end <= deadline:
            tally.journeys += 1
            tally.durations_ms.append((end - start) * 1000)


def percentile(values: list[float], pct: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * pct / 100))]


def run(
    url: str, target: str, duration: float, concurrency: int = 4, rate: float | None = None
) -> dict:
    """Journeys per second for `target` ("app" or "peer"), with percentiles of one
    journey's duration; with `rate` (journeys/s), paced at that rate instead of flat out."""
    deadline = time.monotonic() + duration
    interval = concurrency / rate if rate else 0.0
    with multiprocessing.get_context("fork").Pool(concurrency) as pool:
        tallies = pool.map(_client, [(url, target, deadline, interval)] * concurrency)
    durations = [d for t in tallies for d in t.durations_ms]
    return {
        "journeys": sum(t.journeys for t in tallies),
        "rps": sum(t.journeys for t in tallies) / duration,
        "p50": percentile(durations, 50),
        "p95": percentile(durations, 95),
        "p99": percentile(durations, 99),
        "errors": sum(t.errors for t in tallies),
        "first_errors": [e for t in tallies for e in t.first_errors][:3],
        "durations_ms": durations,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("url", help="a running server, e.g. http://127.0.0.1:8000")
    parser.add_argument("--target", choices=sorted(JOURNEYS), default="app")
    parser.add_argument("--duration", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    if urlsplit(args.url).hostname != "127.0.0.1":
        parser.error("the benchmark only ever talks to 127.0.0.1")
    result = run(args.url, args.target, args.duration, args.concurrency)
    del result["durations_ms"]
    print(result)


if __name__ == "__main__":
    main()
