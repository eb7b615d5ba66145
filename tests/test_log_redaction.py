"""No log line holds a token that opens a shared report, an invitation or a password reset."""

from __future__ import annotations

import io
import logging
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.urls import reverse
from gunicorn.config import Config

from config.gunicorn import TokenRedactingLogger
from config.log_redaction import redact_tokens
from tests.security.url_catalogue import all_routes

SHARE = "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5"
INVITE = "aW52aXRhdGlvbnRva2VudGhhdG9wZW5zYW5vcmdhbmlz"
RESET = "cfa9zq-5d0b2c4e6f8a1b3c5d7e9f0a2b4c6d8e"
CONFIRM = ".eJyrVspUslIyNDAwUKoFAA:1vQ3:Zm9vYmFy-_baz"
TOKENS = (SHARE, INVITE, RESET, CONFIRM)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"GET /r/{SHARE}/ HTTP/1.1", "GET /r/[redacted]/ HTTP/1.1"),
        (f"/r/{SHARE}/report.pdf", "/r/[redacted]/report.pdf"),
        (f"https://hireframe.example/r/{SHARE}/", "https://hireframe.example/r/[redacted]/"),
        (f"/invite/{INVITE}/", "/invite/[redacted]/"),
        # The header's sign-in link carries the page it came from.
        (f"/accounts/login/?next=/r/{SHARE}/", "/accounts/login/?next=/r/[redacted]/"),
        (
            f"/accounts/login/?next=%2Finvite%2F{INVITE}%2F",
            "/accounts/login/?next=%2Finvite%2F[redacted]%2F",
        ),
        (f"/accounts/password/reset/MQ/{RESET}/", "/accounts/password/reset/MQ/[redacted]/"),
        (f"/accounts/confirm/{CONFIRM}/", "/accounts/confirm/[redacted]/"),
        ("/accounts/confirm/", "/accounts/confirm/"),
        # Nothing secret: left as it is.
        ("/accounts/password/reset/MQ/set-password/", "/accounts/password/reset/MQ/set-password/"),
        ("/accounts/password/reset/sent/", "/accounts/password/reset/sent/"),
        (
            "/a/6f1c0d7e-2b5a-4c1e-9a3f-0e8d7c6b5a49/report/",
            "/a/6f1c0d7e-2b5a-4c1e-9a3f-0e8d7c6b5a49/report/",
        ),
    ],
)
def test_redaction(text, expected):
    assert redact_tokens(text) == expected


def test_every_url_with_a_token_is_redacted():
    """A new URL carrying a token fails here until the redaction knows its prefix."""
    missed = []
    for route in all_routes():
        if "token" not in route.kwargs:
            continue
        kwargs = {name: "MQ" if name == "uidb64" else SHARE for name in route.kwargs}
        url = reverse(route.name, kwargs=kwargs)
        if SHARE in redact_tokens(url):
            missed.append(url)
    assert missed == []


@pytest.mark.django_db
@pytest.mark.parametrize("url", [f"/r/{SHARE}/", f"/r/{SHARE}/report.pdf", f"/invite/{INVITE}/"])
def test_django_does_not_log_the_token_of_a_link_it_cannot_find(client, caplog, url):
    """An unknown or expired link's 404 is logged ("Not Found: ...") without its token."""
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert client.get(url).status_code == 404
    assert "Not Found: /" in caplog.text and "[redacted]" in caplog.text
    assert not any(token in caplog.text for token in TOKENS)


def _stream_of(handler: logging.Handler) -> io.StringIO:
    stream = io.StringIO()
    handler.setStream(stream)  # type: ignore[attr-defined]
    return stream


def test_the_configured_handlers_redact_whatever_logger_wrote_the_line():
    """A line quoting a path from any logger, and the development server's request lines."""
    root = next(h for h in logging.getLogger().handlers if h.name == "stdout")
    server = next(
        h for h in logging.getLogger("django.server").handlers if h.name == "django.server"
    )
    root_stream, server_stream = _stream_of(root), _stream_of(server)
    old_root, old_server = root.stream, server.stream
    try:
        logging.getLogger("hireframe.elsewhere").warning("Odd request to /invite/%s/", INVITE)
        logging.getLogger("django.server").info(
            '"%s" %s %s', f"GET /accounts/password/reset/MQ/{RESET}/ HTTP/1.1", "302", "0"
        )
    finally:
        root.setStream(old_root)
        server.setStream(old_server)
    assert "/invite/[redacted]/" in root_stream.getvalue()
    assert "/accounts/password/reset/MQ/[redacted]/" in server_stream.getvalue()
    assert not any(t in root_stream.getvalue() + server_stream.getvalue() for t in TOKENS)


def test_gunicorns_access_log_has_no_tokens(tmp_path):
    """The request line, the path and the referrer of an access-log line are redacted."""
    log_file = tmp_path / "access.log"
    cfg = Config()
    cfg.set("accesslog", str(log_file))
    cfg.set("access_log_format", '%(h)s "%(r)s" %(s)s "%(f)s" %(U)s %(q)s {referer}i')
    logger = TokenRedactingLogger(cfg)
    environ = {
        "REMOTE_ADDR": "198.51.100.7",
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/r/{SHARE}/report.pdf",
        "PATH_INFO": f"/r/{SHARE}/report.pdf",
        "QUERY_STRING": f"next=%2Finvite%2F{INVITE}%2F",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": f"https://hireframe.example/accounts/password/reset/MQ/{RESET}/",
        "HTTP_USER_AGENT": "test",
    }
    response = SimpleNamespace(status="404 Not Found", sent=0, headers=[])
    request = SimpleNamespace(headers=[("REFERER", environ["HTTP_REFERER"])])
    logger.access(response, request, environ, timedelta(milliseconds=3))
    for handler in logger.access_log.handlers:
        handler.flush()
    line = log_file.read_text()
    assert '"GET /r/[redacted]/report.pdf HTTP/1.1" 404' in line
    assert not any(token in line for token in TOKENS)


def test_gunicorn_is_configured_with_the_redacting_logger():
    import config.gunicorn

    assert config.gunicorn.logger_class is TokenRedactingLogger
