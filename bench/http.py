"""HTTP throughput: app endpoints beside bare Django views, in the same gunicorn, same run.

    .venv/bin/python -m bench.http [--duration 10] [--workers 2]

Starts gunicorn with production settings (plus bench/urls.py's bare views) on a free
loopback port, drives it with wrk (installed from Debian's packages if missing), and prints
requests per second, latency percentiles and the ratio to the ceiling.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bench import journeys
from bench.engine import fifty_path_answers

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "var" / "bench"


@dataclass
class Endpoint:
    name: str
    path: str
    method: str = "GET"
    body: str | None = None
    ceiling: str | None = None  # the name of the bare endpoint it is compared with
    target: float | None = None  # the share of the ceiling it must reach
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    script: str = ""  # more Lua, for requests that change from one to the next
    thread_per_connection: bool = False  # wrk -tN -cN: each connection its own Lua state


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_wrk() -> str:
    wrk = shutil.which("wrk")
    if wrk:
        return wrk
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, capture_output=True)
    return shutil.which("wrk") or sys.exit("wrk could not be installed (apt-get install wrk).")


def server_env(database_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DEBUG="0",
        HTTPS="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        LOG_LEVEL="WARNING",
        # Stored PDFs (the seed renders one) in a folder of the run's own.
        MEDIA_ROOT=tempfile.mkdtemp(prefix="hireframe-media-"),
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


class Gunicorn:
    def __init__(self, env: dict[str, str], workers: int) -> None:
        self.port = _free_port()
        self.env = env
        self.workers = workers

    def __enter__(self) -> Gunicorn:
        python = sys.executable
        subprocess.run(
            [python, "manage.py", "migrate", "--noinput"],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [python, "manage.py", "createcachetable"],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
        )
        self.static = tempfile.mkdtemp(prefix="hireframe-static-")
        RESULTS.mkdir(parents=True, exist_ok=True)
        self.log = open(RESULTS / "gunicorn.log", "w")
        self.env["STATIC_ROOT"] = self.static
        subprocess.run(
            [python, "manage.py", "collectstatic", "--noinput"],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
        )
        self.process = subprocess.Popen(
            [
                python,
                "-m",
                "gunicorn",
                "config.wsgi",
                "-c",
                "config/gunicorn.py",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--access-logfile",
                "/dev/null",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=1) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.1)
        self.__exit__()
        sys.exit("gunicorn did not become healthy")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc: object) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)
        self.log.close()
        shutil.rmtree(self.static, ignore_errors=True)


_LUA = """
wrk.method = "{method}"
wrk.headers["Content-Type"] = "{content_type}"
{headers}
{body}
{script}
done = function(summary, latency, requests)
  for _, p in pairs({{50, 95, 99}}) do
    io.write(string.format("P%d %d\\n", p, latency:percentile(p)))
  end
end
"""

# An autosave, as a page sends it while its user types: each wrk connection (one thread
# each) is one browser tab on its own draft, changing an answer with every request and
# claiming the version the last response handed back, so every request is a real save.
_AUTOSAVE_SCRIPT = """
local drafts = {drafts}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("slot", counter)
end
local version = 1
local typed = 0
request = function()
  typed = typed + 1
  local body = "working_pilots=" .. (2 + typed % 2) .. "&systems_in_production=1"
    .. "&declared_level=&version=" .. version
  local path = "/a/" .. drafts[(slot - 1) % #drafts + 1] .. "/maturity/autosave/"
  return wrk.format(nil, path, nil, body)
end
response = function(status, headers, body)
  local v = body:match('id="version" value="(%d+)"')
  if v then version = tonumber(v) end
end
"""


def run_wrk(wrk: str, url: str, endpoint: Endpoint, duration: int, connections: int) -> dict:
    headers = "\n".join(
        f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}" for k, v in endpoint.headers.items()
    )
    body = (
        f"wrk.body = {json.dumps(endpoint.body)}" if endpoint.body and not endpoint.script else ""
    )
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(
            _LUA.format(
                method=endpoint.method,
                content_type=endpoint.content_type,
                headers=headers,
                body=body,
                script=endpoint.script,
            )
        )
    try:
        result = subprocess.run(
            [
                wrk,
                f"-t{connections if endpoint.thread_per_connection else 2}",
                f"-c{connections}",
                f"-d{duration}s",
                "-s",
                script.name,
                url + endpoint.path,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        os.unlink(script.name)
    return parse_wrk(result.stdout)


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def parse_wrk(output: str) -> dict:
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {f"p{pct}": int(us) / 1000 for pct, us in re.findall(r"^P(\d+) (\d+)$", output, re.M)}
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "rps": rps,
        **latency,
        "errors": (int(non_2xx.group(1)) if non_2xx else 0)
        + (sum(map(int, errors.groups())) if errors else 0),
    }


def answers_with_paths(count: int) -> dict:
    answers = fifty_path_answers()
    return {**answers, "critical_paths": answers["critical_paths"][:count]}


# The target is on the journey a browser with JavaScript makes (htmx); the same journey
# by plain form posts is shown beside it.
JOURNEY_ROWS = (
    ("peer", "journeys/s: formtools peer"),
    ("app-htmx", "journeys/s: Hireframe"),
    ("app", "journeys/s: Hireframe, no JS"),
)
JSON_CEILING = "bare JsonResponse (ceiling)"
TEMPLATE_CEILING = "bare template view (ceiling)"


def endpoints(seed: dict) -> list[Endpoint]:
    """wrk's endpoints; `seed` (bench/seed.py) holds the signed-in session and the data."""
    cookie = f"sessionid={seed['sessionid']}; csrftoken={seed['csrftoken']}"
    signed_in = {"Cookie": cookie}
    return [
        Endpoint(JSON_CEILING, "/bench/bare-json", "POST", "{}"),
        Endpoint(TEMPLATE_CEILING, "/bench/bare-template"),
        Endpoint(
            "htmx step save (autosave)",
            "/a/each-connection-its-own-draft/maturity/autosave/",
            "POST",
            ceiling=TEMPLATE_CEILING,
            target=0.15,
            content_type="application/x-www-form-urlencoded",
            headers={**signed_in, "X-CSRFToken": seed["csrftoken"], "HX-Request": "true"},
            script=_AUTOSAVE_SCRIPT.format(
                drafts="{" + ", ".join(json.dumps(code) for code in seed["drafts"]) + "}"
            ),
            thread_per_connection=True,
        ),
        Endpoint(
            "report (signed in)",
            seed["report"],
            ceiling=TEMPLATE_CEILING,
            target=0.20,
            headers=signed_in,
        ),
        Endpoint("shared report", seed["shared_report"], ceiling=TEMPLATE_CEILING, target=0.20),
        # Rendered once by the worker, then served from storage behind the access checks.
        Endpoint(
            "stored PDF (signed in)",
            seed["report_pdf"],
            ceiling=TEMPLATE_CEILING,
            target=0.50,
            headers=signed_in,
        ),
        Endpoint("stored PDF (shared)", seed["shared_pdf"], ceiling=TEMPLATE_CEILING, target=0.50),
        Endpoint(
            "floor: signed-in page, empty",
            seed["report"].replace("/a/", "/bench/floor/a/").replace("report/", ""),
            ceiling=TEMPLATE_CEILING,
            headers=signed_in,
        ),
        Endpoint(
            "floor: shared page, empty",
            seed["shared_report"].replace("/r/", "/bench/floor/r/"),
            ceiling=TEMPLATE_CEILING,
        ),
        Endpoint(
            "/api/plan, 1 path",
            "/api/plan",
            "POST",
            json.dumps(answers_with_paths(1)),
            ceiling=JSON_CEILING,
        ),
        Endpoint(
            "/api/plan, 5 paths",
            "/api/plan",
            "POST",
            json.dumps(answers_with_paths(5)),
            ceiling=JSON_CEILING,
            target=0.50,
        ),
        Endpoint(
            "/api/plan, 50 paths",
            "/api/plan",
            "POST",
            json.dumps(fifty_path_answers()),
            ceiling=JSON_CEILING,
        ),
    ]


def interleaved_journeys(
    url: str, targets: list[str], duration: float, concurrency: int, rounds: int
) -> dict[str, dict]:
    """Each journey row measured in `rounds` short turns taken in rotation (peer, app, app
    without JS, peer, ...), so that a drift in the machine's speed, which on these shared
    machines moves rates by a third over minutes, touches every row alike. The rate is the
    median turn's; the percentiles are over every journey of every turn."""
    turns: dict[str, list[dict]] = {target: [] for target in targets}
    for _ in range(rounds):
        for target in targets:
            turns[target].append(journeys.run(url, target, duration / rounds, concurrency))
    summary = {}
    for target, runs in turns.items():
        durations = [d for run in runs for d in run.pop("durations_ms")]
        summary[target] = {
            "rps": statistics.median(run["rps"] for run in runs),
            "rps_turns": [round(run["rps"], 1) for run in runs],
            "journeys": sum(run["journeys"] for run in runs),
            "p50": journeys.percentile(durations, 50),
            "p95": journeys.percentile(durations, 95),
            "p99": journeys.percentile(durations, 99),
            "errors": sum(run["errors"] for run in runs),
            "first_errors": [e for run in runs for e in run["first_errors"]][:3],
        }
    return summary


def worker_rss_mb(master: int) -> list[float]:
    """The resident memory of each gunicorn worker (the master's children), from /proc."""
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except OSError:
        return []
    sizes = []
    for pid in children:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
        if match:
            sizes.append(int(match.group(1)) / 1024)
    return sizes


def seed_data(env: dict[str, str]) -> dict[str, str]:
    out = subprocess.run(
        [sys.executable, "-m", "bench.seed"], cwd=ROOT, env=env, check=True, capture_output=True
    )
    return json.loads(out.stdout.decode().strip().splitlines()[-1])


@contextmanager
def database(kind: str, url: str | None) -> Iterator[str]:
    """A throwaway database: a SQLite file, or PostgreSQL's `hireframe_bench`, dropped after."""
    if url:
        yield url
        return
    if kind == "sqlite":
        with tempfile.TemporaryDirectory() as scratch:
            yield f"sqlite:///{scratch}/bench.sqlite3"
        return
    import psycopg

    admin = "postgresql://postgres@127.0.0.1:5432/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {PG_NAME} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {PG_NAME}")
    try:
        yield f"postgresql://postgres@127.0.0.1:5432/{PG_NAME}"
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {PG_NAME} WITH (FORCE)")


PG_NAME = "hireframe_bench"


def _mark(ratio: float, target: float | None) -> str:
    if target is None:
        return ""
    return f"{'PASS' if ratio >= target else 'MISS'} (>= {target:g})"


def print_table(label: str, journeys: dict, results: dict, rss: dict, eps: list[Endpoint]) -> None:
    print(f"\n{label}")
    print(
        f"{'endpoint':30} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7} "
        f"{'RSS MB':>11} {'ratio':>7}  target"
    )
    peer = journeys.get("peer", {"rps": 0})
    for target, name in JOURNEY_ROWS:
        if target not in journeys:
            continue
        r = journeys[target]
        ratio, mark = "", ""
        if target != "peer" and peer["rps"]:
            ratio = f"{r['rps'] / peer['rps']:.2f}x"
            mark = _mark(r["rps"] / peer["rps"], 1.5 if target == "app-htmx" else None)
        print(
            f"{name:30} {r['rps']:>8.1f} {r['p50']:>8.1f} {r['p95']:>8.1f} {r['p99']:>8.1f} "
            f"{r['errors']:>7} {_rss(rss[name]):>11} {ratio:>7}  {mark}"
        )
    for endpoint in eps:
        r = results[endpoint.name]
        ratio, mark = "", ""
        if endpoint.ceiling:
            share = r["rps"] / results[endpoint.ceiling]["rps"]
            ratio, mark = f"{100 * share:.0f} %", _mark(share, endpoint.target)
        print(
            f"{endpoint.name:30} {r['rps']:>8.0f} {r.get('p50', 0):>8.2f} {r.get('p95', 0):>8.2f} "
            f"{r.get('p99', 0):>8.2f} {r['errors']:>7} {_rss(rss[endpoint.name]):>11} "
            f"{ratio:>7}  {mark}"
        )
    print("journeys: p50/p95/p99 are of one whole journey; RSS: each worker after that run")
    for target, name in JOURNEY_ROWS:
        if target in journeys:
            turns = ", ".join(f"{rps:.1f}" for rps in journeys[target]["rps_turns"])
            print(f"  {name}, each turn: {turns}")


def _rss(sizes: list[float]) -> str:
    return "/".join(f"{size:.0f}" for size in sizes)


def soak(server: Gunicorn, minutes: float, concurrency: int) -> None:
    """The app's journeys at 70 % of their measured peak, errors and memory each minute."""
    peak = journeys.run(server.url, "app", 15, concurrency)["rps"]
    rate = 0.7 * peak
    print(f"peak {peak:.1f} journeys/s; soaking at {rate:.1f}/s for {minutes:g} min")
    print(f"{'minute':>6} {'journeys':>9} {'errors':>7} {'p95 ms':>8}  worker RSS MB")
    print(f"{0:>6} {'':>9} {'':>7} {'':>8}  {_rss(worker_rss_mb(server.process.pid))}")
    total_errors = 0
    elapsed = 0.0
    while elapsed < minutes * 60:
        chunk = min(60.0, minutes * 60 - elapsed)
        r = journeys.run(server.url, "app", chunk, concurrency, rate=rate)
        elapsed += chunk
        total_errors += r["errors"]
        print(
            f"{elapsed / 60:>6.1f} {r['journeys']:>9} {r['errors']:>7} {r['p95']:>8.1f}  "
            f"{_rss(worker_rss_mb(server.process.pid))}"
        )
    print(f"soak errors: {total_errors}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--database-url", default=None, help="use this database instead")
    parser.add_argument("--redis", action="store_true", help="cache in Redis (127.0.0.1:6379/15)")
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk endpoint")
    parser.add_argument(
        "--journey-duration", type=int, default=20, help="seconds per journey row, in all"
    )
    parser.add_argument(
        "--journey-rounds", type=int, default=4, help="turns each journey row is split into"
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--concurrency", type=int, default=4, help="journey clients")
    parser.add_argument("--soak", type=float, metavar="MINUTES", help="only soak (not for CI)")
    parser.add_argument(
        "--only",
        metavar="WORDS",
        help="comma-separated words: run only the rows whose name holds one (and the ceilings)",
    )
    args = parser.parse_args()
    wrk = ensure_wrk()
    with database(args.database, args.database_url) as database_url:
        env = server_env(database_url)
        # The shared report counts requests per client address; wrk is one address.
        env["SHARE_LINK_RATE_LIMIT"] = str(10**9)
        if args.redis:
            env["REDIS_URL"] = "redis://127.0.0.1:6379/15"
        if args.soak:
            # Never recycle workers during a soak, or recycling would hide a leak.
            env["GUNICORN_MAX_REQUESTS"] = "0"
        with Gunicorn(env, args.workers) as server:
            if args.soak:
                soak(server, args.soak, args.concurrency)
                return
            seed = seed_data(env)
            eps = endpoints(seed)
            rows = JOURNEY_ROWS
            if args.only:
                words = args.only.split(",")
                eps = [e for e in eps if e.ceiling is None or any(w in e.name for w in words)]
                rows = tuple(row for row in rows if any(w in row[1] for w in words))
            rss: dict[str, list[float]] = {}
            done = interleaved_journeys(
                server.url,
                [target for target, _ in rows],
                args.journey_duration,
                args.concurrency,
                args.journey_rounds,
            )
            for target, name in rows:
                rss[name] = worker_rss_mb(server.process.pid)
                for error in done[target]["first_errors"]:
                    print(f"{target}: {error}", file=sys.stderr)
            results = {}
            for endpoint in eps:
                results[endpoint.name] = run_wrk(
                    wrk, server.url, endpoint, args.duration, args.connections
                )
                rss[endpoint.name] = worker_rss_mb(server.process.pid)
    database_name = "PostgreSQL" if args.database == "postgres" else "SQLite"
    label = (
        f"gunicorn config/gunicorn.py, {args.workers} sync workers, DEBUG=0, {database_name}"
        f"{' + Redis cache' if args.redis else ''}; journeys: {args.concurrency} clients, "
        f"{args.journey_duration}s each in {args.journey_rounds} turns (median turn); "
        f"wrk -t2 -c{args.connections} -d{args.duration}s (autosave: -t{args.connections})"
    )
    print_table(label, done, results, rss, eps)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"http-{args.database}.json"
    out.write_text(json.dumps({"journeys": done, "endpoints": results, "rss": rss}, indent=2))


if __name__ == "__main__":
    main()
