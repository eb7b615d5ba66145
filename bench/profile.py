"""cProfile one endpoint in-process, with production settings, on a scratch SQLite database.

    .venv/bin/python -m bench.profile report|shared|autosave|journey|journey-htmx|landing \
        [--requests 50]

Prints the functions where the time goes (cumulative, then own time): the first stop when
a target in `make bench` is missed.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats

from bench.inprocess import htmx_journey, setup


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "endpoint",
        choices=["report", "shared", "autosave", "journey", "journey-htmx", "landing"],
    )
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    data = setup()
    from django.test import Client

    from bench import journeys

    client = Client()
    client.cookies["sessionid"] = data["sessionid"]
    client.cookies["csrftoken"] = data["csrftoken"]
    # One more client, reused with its cookies cleared: a new Client builds the middleware
    # again (whitenoise scans the static files), which production does once per worker.
    guest = Client()

    def visitor() -> Client:
        guest.cookies.clear()
        return guest

    def once() -> None:
        if args.endpoint == "report":
            response = client.get(data["report"])
        elif args.endpoint == "shared":
            response = visitor().get(data["shared_report"])
        elif args.endpoint == "landing":
            response = visitor().get("/")
        elif args.endpoint == "autosave":
            version = Assessment.objects.get(code=data["draft_code"]).version
            response = client.post(
                f"/a/{data['draft_code']}/maturity/autosave/",
                {**journeys.MATURITY, "version": version},
                headers={"X-CSRFToken": data["csrftoken"], "HX-Request": "true"},
            )
        elif args.endpoint == "journey-htmx":
            response = htmx_journey(visitor())
        else:
            guest = visitor()
            response = guest.get("/")
            response = guest.post("/start/", follow=True)
            for slug in ("maturity", "paths", "roi", "hiring"):
                version = journeys.VERSION.search(response.content).group(1).decode()
                path = response.request["PATH_INFO"]
                payload = {"version": version, "action": "continue", **journeys.step_data(slug)}
                response = guest.post(path, payload, follow=True)
        assert response.status_code == 200, response.status_code

    from wizard.models import Assessment

    once()  # warm up: templates compiled, connections open
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(args.requests):
        once()
    profiler.disable()
    stats = pstats.Stats(profiler).strip_dirs()
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"{args.endpoint}: {1000 * total / args.requests:.1f} ms per request (profiled)")
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
