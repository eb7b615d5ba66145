"""Log lines an operator can ship: a request id on every line, JSON with LOG_FORMAT=json,
and nothing in them that opens a report or an account.

The request id comes from the proxy's X-Request-ID when it is a plain token, or is made
here; it is sent back in X-Request-ID, so a user's report of a failure can be matched to
its lines. Lines written outside a request (the task worker, commands) carry "-".
"""

from __future__ import annotations

import contextvars
import logging
import re
import time
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from config.log_redaction import redact_tokens

REQUEST_ID: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
_SAFE_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")

request_logger = logging.getLogger("hireframe.requests")

# Beyond the tokens in secret URLs (config/log_redaction.py): secrets in query strings,
# and email addresses, which are personal data.
_REDACTIONS = (
    (re.compile(r"(?i)\b((?:token|password|key|secret)=)[^&\s\"']+"), r"\1[redacted]"),
    (re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"), "[email]"),
)


def redact(text: str) -> str:
    """`text` without what would open a report or an account, or name a person."""
    text = redact_tokens(text)
    for pattern, replacement in _REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


class RequestIdFilter(logging.Filter):
    """Puts the current request's id on every record, as `request_id`."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = REQUEST_ID.get()
        return True


class RedactFilter(logging.Filter):
    """Rewrites each record's message (and traceback) without tokens or addresses."""

    def filter(self, record: logging.LogRecord) -> bool:
        # django.request attaches the request itself, which a JSON line would print whole.
        request = getattr(record, "request", None)
        if request is not None and not isinstance(request, str):
            path = redact(getattr(request, "path", ""))
            record.request = f"{getattr(request, 'method', '')} {path}".strip()
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and record.exc_info[0] is not None:
            formatter = logging.Formatter()
            record.exc_text = redact(formatter.formatException(record.exc_info))
            record.exc_info = None
        return True


class RequestIdMiddleware:
    """Gives each request an id for its log lines and answers with it in X-Request-ID,
    and logs one line per request (method, redacted path, status, duration)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        offered = request.headers.get("X-Request-ID", "")
        request_id = offered if _SAFE_ID.fullmatch(offered) else uuid.uuid4().hex
        token = REQUEST_ID.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            request_logger.info(
                "%s %s %s %.1f ms",
                request.method,
                redact(request.path),
                response.status_code,
                (time.perf_counter() - started) * 1000,
            )
            return response
        finally:
            REQUEST_ID.reset(token)


def scrub_sentry_event(event: dict, hint: dict) -> dict:
    """Sentry's before_send: the URL, query and message without tokens or addresses."""
    request = event.get("request") or {}
    for field in ("url", "query_string"):
        if isinstance(request.get(field), str):
            request[field] = redact(request[field])
    request.pop("cookies", None)
    request.pop("data", None)
    logentry = event.get("logentry") or {}
    for field in ("message", "formatted"):
        if isinstance(logentry.get(field), str):
            logentry[field] = redact(logentry[field])
    return event
