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
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

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
wrk.headers["Content-Type"] = "application/json"
{body}
"""


def run_wrk(wrk: str, url: str, endpoint: Endpoint, duration: int, connections: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        body = f"wrk.body = {json.dumps(endpoint.body)}" if endpoint.body else ""
        script.write(_LUA.format(method=endpoint.method, body=body))
    try:
        result = subprocess.run(
            [
                wrk,
                "-t2",
                f"-c{connections}",
                f"-d{duration}s",
                "--latency",
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
    latency = {
        f"p{pct}": _ms(value, unit)
        for pct, value, unit in re.findall(r"^\s+(50|90|99)%\s+([\d.]+)(us|ms|s)", output, re.M)
    }
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "rps": rps,
        **latency,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": sum(map(int, errors.groups())) if errors else 0,
    }


def answers_with_paths(count: int) -> dict:
    answers = fifty_path_answers()
    return {**answers, "critical_paths": answers["critical_paths"][:count]}


def endpoints() -> list[Endpoint]:
    return [
        Endpoint("bare JsonResponse (ceiling)", "/bench/bare-json", "POST", "{}"),
        *(
            Endpoint(
                f"/api/plan, {n} path{'s' * (n > 1)}",
                "/api/plan",
                "POST",
                json.dumps(answers_with_paths(n)),
                ceiling="bare JsonResponse (ceiling)",
            )
            for n in (1, 5)
        ),
        Endpoint(
            "/api/plan, 50 paths",
            "/api/plan",
            "POST",
            json.dumps(fifty_path_answers()),
            ceiling="bare JsonResponse (ceiling)",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per endpoint")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--database-url", default=None, help="default: a throwaway SQLite file")
    args = parser.parse_args()
    wrk = ensure_wrk()
    with tempfile.TemporaryDirectory() as scratch:
        database_url = args.database_url or f"sqlite:///{scratch}/bench.sqlite3"
        with Gunicorn(server_env(database_url), args.workers) as server:
            results = {}
            for endpoint in endpoints():
                results[endpoint.name] = run_wrk(
                    wrk, server.url, endpoint, args.duration, args.connections
                )
    print(
        f"\ngunicorn, {args.workers} sync workers, wrk -t2 -c{args.connections} "
        f"-d{args.duration}s, {'PostgreSQL' if args.database_url else 'SQLite'}"
    )
    print(
        f"{'endpoint':32} {'req/s':>9} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} "
        f"{'errors':>7} {'vs ceiling':>11}"
    )
    for endpoint in endpoints():
        r = results[endpoint.name]
        ratio = ""
        if endpoint.ceiling:
            ratio = f"{100 * r['rps'] / results[endpoint.ceiling]['rps']:.0f} %"
        print(
            f"{endpoint.name:32} {r['rps']:>9.0f} {r.get('p50', 0):>8.2f} {r.get('p90', 0):>8.2f} "
            f"{r.get('p99', 0):>8.2f} {r['non_2xx'] + r['socket_errors']:>7} {ratio:>11}"
        )
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "http.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
