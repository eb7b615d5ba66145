"""The landing page's latency while clients download PDFs in a loop.

    .venv/bin/python -m bench.pdf_load [--seconds 20] [--downloaders 4] [--workers 2]

Starts gunicorn as bench.http does, then times sequential requests for the landing page
alone, and again while `--downloaders` clients fetch the shared report's PDF over and
over. Before PDFs were rendered once, each download held a sync worker for seconds and
the landing page's p95 went from milliseconds to 15-18 s; a stored PDF is a file read.
"""

from __future__ import annotations

import argparse
import json
import statistics
import threading
import time
import urllib.request

from bench.http import RESULTS, Gunicorn, database, seed_data, server_env


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] if len(samples) >= 20 else max(samples)


def time_landing(url: str, seconds: float) -> list[float]:
    samples: list[float] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.perf_counter()
        with urllib.request.urlopen(url, timeout=60) as response:
            response.read()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def download_loop(url: str, cookie: str, stop: threading.Event, counts: list[int]) -> None:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    while not stop.is_set():
        with urllib.request.urlopen(request, timeout=60) as response:
            body = response.read()
        assert body.startswith(b"%PDF"), "the PDF was not stored"
        counts.append(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--downloaders", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1, help="gunicorn threads per worker")
    parser.add_argument(
        "--pdf", choices=["shared", "members"], default="shared", help="whose PDF to download"
    )
    args = parser.parse_args()
    with database("sqlite", None) as database_url:
        env = server_env(database_url)
        env["SHARE_LINK_RATE_LIMIT"] = str(10**9)  # every downloader is one address
        env["GUNICORN_THREADS"] = str(args.threads)
        with Gunicorn(env, args.workers) as server:
            seed = seed_data(env)
            landing = server.url + "/"
            time_landing(landing, 2)  # warm up
            alone = time_landing(landing, args.seconds)
            stop = threading.Event()
            counts: list[int] = []
            if args.pdf == "shared":
                url, cookie = server.url + seed["shared_pdf"], ""
            else:
                url, cookie = server.url + seed["report_pdf"], f"sessionid={seed['sessionid']}"
            threads = [
                threading.Thread(target=download_loop, args=(url, cookie, stop, counts))
                for _ in range(args.downloaders)
            ]
            for thread in threads:
                thread.start()
            loaded = time_landing(landing, args.seconds)
            stop.set()
            for thread in threads:
                thread.join()
    result = {
        "landing_p95_ms_alone": round(_p95(alone), 1),
        "landing_p95_ms_with_downloads": round(_p95(loaded), 1),
        "ratio": round(_p95(loaded) / _p95(alone), 2),
        "target_ratio": 2.0,
        "pdf_downloads": len(counts),
        "downloaders": args.downloaders,
        "workers": args.workers,
        "threads": args.threads,
        "pdf": args.pdf,
        "seconds": args.seconds,
    }
    print(json.dumps(result, indent=2))
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"pdf-load-{args.pdf}-{args.workers}w{args.threads}t.json"
    out.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
