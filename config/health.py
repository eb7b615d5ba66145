"""The /healthz probe.

It is answered by a middleware near the top of the stack rather than by a view, so that a
load balancer or Docker's HEALTHCHECK gets an answer whatever Host header it sends and
without being redirected to HTTPS: the probe asks one thing, "does the database answer?".
It sits just below SecurityMiddleware, which exempts it from the redirect
(SECURE_REDIRECT_EXEMPT) and still gives its answer the security headers.
It also says how long the oldest task ready to run has waited (null when none waits; left
out when tasks are not queued in the database), for a monitor to alert on a stalled
worker. That figure never fails the probe: a busy queue must not take the web servers out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse

logger = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"


def database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.warning("Health check: the database did not answer.", exc_info=True)
        return False


def _task_queue() -> dict[str, object] | None:
    from observability.task_queue import queue_state

    try:
        state = queue_state()
    except DatabaseError:
        logger.warning("Health check: the task queue could not be read.", exc_info=True)
        return None
    if state is None:
        return None
    oldest = state.oldest_waiting_seconds
    return {
        "waiting": state.waiting,
        "oldest_waiting_seconds": None if oldest is None else round(oldest, 1),
    }


class HealthCheckMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path != HEALTH_PATH:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return JsonResponse(
                {"error": "method not allowed"}, status=405, headers={"Allow": "GET, HEAD"}
            )
        healthy = database_answers()
        body: dict[str, object] = {
            "status": "ok" if healthy else "unavailable",
            "database": "ok" if healthy else "down",
        }
        tasks = _task_queue() if healthy else None
        if tasks is not None:
            body["tasks"] = tasks
        response = JsonResponse(body, status=200 if healthy else 503)
        response["Cache-Control"] = "no-store"
        return response
