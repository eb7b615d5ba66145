"""Each request of a journey timed in-process: Hireframe with JavaScript against the
formtools peer, request by request, without HTTP or a second process in the way.

    .venv/bin/python -m bench.per_request [--journeys 40]

Shows where a journey's time goes and which requests one server makes that the other
does not (the landing page, "Start", the report). Each figure is the mean over the
journeys of the fastest of three runs, in milliseconds.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable

from bench.inprocess import htmx_journey, setup


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--journeys", type=int, default=40)
    args = parser.parse_args()
    setup()
    from django.test import Client

    from bench import journeys

    browser = Client()  # one, its cookies cleared per journey: see bench/profile.py
    timings: dict[str, float] = defaultdict(float)

    def timed(label: str, send: Callable, *args: object, **kwargs: object):
        start = time.perf_counter()
        response = send(*args, **kwargs)
        timings[label] += time.perf_counter() - start
        assert response.status_code in (200, 302), (label, response.status_code)
        return response

    def hireframe() -> None:
        def send(label: str, *request: object, **options: object):
            return timed(f"Hireframe: {label}", *request, **options)

        htmx_journey(browser, send)

    def peer() -> None:
        browser.cookies.clear()
        timed("peer: first page", browser.get, "/peer/")
        for slug in ("maturity", "paths", "roi", "hiring"):
            data = {"peer_wizard-current_step": slug, **journeys.step_data(slug, f"{slug}-")}
            then = "finish" if slug == "hiring" else "next page"
            response = timed(f"peer: save {slug}, {then}", browser.post, "/peer/", data)
        timed("peer: done page", browser.get, response["Location"])

    for _ in range(5):  # warm up: templates compiled, connections open
        hireframe()
        peer()
    best: dict[str, float] = {}
    for _ in range(3):
        timings.clear()
        for _ in range(args.journeys):
            hireframe()
            peer()
        for label, total in timings.items():
            best[label] = min(best.get(label, total), total)
    totals: dict[str, float] = defaultdict(float)
    for label, total in best.items():
        ms = 1000 * total / args.journeys
        totals[label.split(":")[0]] += ms
        print(f"{label:45} {ms:6.2f} ms")
    for server, ms in totals.items():
        print(f"{server + ': whole journey':45} {ms:6.2f} ms")


if __name__ == "__main__":
    main()
