"""Prometheus metrics at /metrics: requests by view and status, their latency and database
time, the task queue, and PDF render times.

With several processes (gunicorn workers, the task worker) set PROMETHEUS_MULTIPROC_DIR
to a directory they all share: each process writes its figures there and /metrics adds
them up (prometheus-client's multiprocess mode). Without it, /metrics shows the figures
of the one process that answers, which is enough for `make run`.
"""

from __future__ import annotations

import hmac
import ipaddress
import os
import time
from collections.abc import Callable, Iterator
from typing import Any

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from audit.services import client_ip

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)

REQUESTS = Counter(
    "hireframe_http_requests",
    "Requests answered, by view, method and status.",
    ["view", "method", "status"],
)
LATENCY = Histogram(
    "hireframe_http_request_duration_seconds",
    "Time to answer a request, by view.",
    ["view"],
    buckets=LATENCY_BUCKETS,
)
DATABASE_TIME = Histogram(
    "hireframe_http_request_database_seconds",
    "Time a request spent in database queries, by view.",
    ["view"],
    buckets=LATENCY_BUCKETS,
)
TASKS_FINISHED = Counter(
    "hireframe_tasks_finished",
    "Task attempts finished, by task and outcome (SUCCESSFUL or FAILED).",
    ["task", "status"],
)
PDF_RENDER_SECONDS = Histogram(
    "hireframe_pdf_render_seconds",
    "Time to render one report's PDF (in the worker).",
    buckets=(0.25, 0.5, 1, 2, 3, 5, 8, 13, 20, 30, 60),
)


class TaskQueueCollector(Collector):
    """Read at each scrape from the queue itself, so every process reports the same."""

    def collect(self) -> Iterator[GaugeMetricFamily]:
        from observability.task_queue import queue_state

        state = queue_state()
        if state is None:
            return
        yield GaugeMetricFamily(
            "hireframe_task_queue_waiting", "Tasks ready to run, not yet started.", state.waiting
        )
        yield GaugeMetricFamily(
            "hireframe_task_queue_oldest_waiting_seconds",
            "How long the longest-waiting ready task has waited (0 when none wait).",
            state.oldest_waiting_seconds or 0.0,
        )
        failed = GaugeMetricFamily(
            "hireframe_task_queue_failed",
            "Failed task attempts still on record in the queue, by task.",
            labels=["task"],
        )
        for task, count in sorted(state.failed_by_task.items()):
            failed.add_metric([task], count)
        yield failed


def _registry() -> CollectorRegistry:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = CollectorRegistry()
        registry.register(_Default())
    registry.register(TaskQueueCollector())
    return registry


class _Default(Collector):
    """This process's own metrics (the default registry), beside the queue's."""

    def collect(self) -> Iterator[Any]:
        yield from REGISTRY.collect()


def connect_task_signals() -> None:
    from django.tasks.signals import task_finished

    task_finished.connect(_count_task, dispatch_uid="observability.count_task")


def _count_task(sender: Any, task_result: Any, **kwargs: Any) -> None:
    TASKS_FINISHED.labels(task_result.task.module_path, str(task_result.status)).inc()


def _view_name(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    # Unresolved paths (404s, probes) share one label: a label per path would let any
    # client grow the metrics without bound.
    return match.view_name if match and match.view_name else "<unresolved>"


METRICS_PATH = "/metrics"


class MetricsMiddleware:
    """Counts and times every request, and the database time inside it; answers /metrics.

    /metrics is answered here, near the top of the stack like /healthz, so that a scraper
    reaching the app by its internal name is neither refused by ALLOWED_HOSTS nor
    redirected to HTTPS; who may read it is decided by `_allowed`.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path == METRICS_PATH:
            return metrics_view(request)
        database = [0.0]

        def timed(execute: Callable[..., Any], sql: Any, params: Any, many: Any, context: Any):  # type: ignore[no-untyped-def]
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                database[0] += time.perf_counter() - started

        started = time.perf_counter()
        with connection.execute_wrapper(timed):
            response = self.get_response(request)
        view = _view_name(request)
        REQUESTS.labels(view, request.method, str(response.status_code)).inc()
        LATENCY.labels(view).observe(time.perf_counter() - started)
        DATABASE_TIME.labels(view).observe(database[0])
        return response


def _allowed(request: HttpRequest) -> bool:
    token = settings.METRICS_TOKEN
    header = request.headers.get("Authorization", "")
    if token and header.startswith("Bearer "):
        return hmac.compare_digest(header.removeprefix("Bearer ").encode(), token.encode())
    address = client_ip(request)
    if address is None:
        return False
    ip = ipaddress.ip_address(address)
    return any(ip in network for network in settings.METRICS_ALLOWED_NETWORKS)


def metrics_view(request: HttpRequest) -> HttpResponse:
    """The Prometheus text format, for configured addresses or a bearer token only."""
    if not _allowed(request):
        response = HttpResponse("Forbidden", status=403, content_type="text/plain")
    else:
        response = HttpResponse(generate_latest(_registry()), content_type=CONTENT_TYPE_LATEST)
    response["Cache-Control"] = "no-store"
    return response
