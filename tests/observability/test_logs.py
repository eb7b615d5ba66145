"""Log lines: JSON on request, a request id on each, and nothing that opens a report or an
account (tokens, passwords, reset links, email addresses)."""

from __future__ import annotations

import io
import json
import logging
import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from pythonjsonlogger.json import JsonFormatter

from observability.logs import RedactFilter, RequestIdFilter, redact
from tests.factories import PASSWORD
from wizard.report.share_links import share_link_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def json_log():
    """The configured JSON handler (LOG_FORMAT=json), writing to a buffer, at INFO."""
    config = settings.LOGGING["formatters"]["json"]
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(JsonFormatter(config["fmt"], rename_fields=config["rename_fields"]))
    handler.addFilter(RequestIdFilter())
    handler.addFilter(RedactFilter())
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    yield buffer
    root.removeHandler(handler)
    root.setLevel(level)


def test_json_lines_parse_and_hold_no_secrets(json_log, owner, owner_client, organisation):
    """A sign-in, a share link, an invitation by email and a password reset leave lines
    that parse one by one, each with a request id, and none holds a secret."""
    from tests.factories import complete_assessment

    Client().post(reverse("login"), {"username": owner.email, "password": PASSWORD})
    Client().post(reverse("login"), {"username": owner.email, "password": "Wrong-Guess-99"})
    assessment = complete_assessment(organisation)
    _, share_token = share_link_create(assessment=assessment, user=owner, expires_in_days=30)
    Client().get(reverse("shared-report", args=[share_token]))
    Client().get(reverse("shared-report", args=[share_token + "x"]))  # a 404 warning
    invited = owner_client.post(
        reverse("member-invite", args=[organisation.slug]),
        {"role": "viewer", "email": "dana@example.com"},
        follow=True,
    )
    invitation_token = re.search(r"/invite/([\w-]+)/", invited.content.decode()).group(1)
    Client().get(reverse("invite", args=[invitation_token]))
    Client().post(reverse("password_reset"), {"email": owner.email})
    reset_path = re.search(r"/accounts/password/reset/\S+/\S+/", mail.outbox[-1].body).group(0)
    Client().get(reset_path)

    text = json_log.getvalue()
    lines = [json.loads(line) for line in text.splitlines()]
    requests = [line for line in lines if line["logger"] == "hireframe.requests"]
    assert len(requests) >= 7
    assert all(re.fullmatch(r"[0-9a-f]{32}", line["request_id"]) for line in requests)
    assert all({"time", "level", "logger", "message", "request_id"} <= set(line) for line in lines)
    for secret in (
        share_token,
        invitation_token,
        reset_path.split("/")[-2],
        PASSWORD,
        "Wrong-Guess-99",
        owner.email,
        "dana@example.com",
    ):
        assert secret not in text
    assert "/r/[redacted]/" in text


def test_a_proxys_request_id_is_kept_and_answered(client):
    """X-Request-ID from the proxy carries through; a malformed one is replaced."""
    response = client.get("/", headers={"X-Request-ID": "edge-1234abcd"})
    assert response["X-Request-ID"] == "edge-1234abcd"
    replaced = client.get("/", headers={"X-Request-ID": "bad id\nwith newline"})
    assert re.fullmatch(r"[0-9a-f]{32}", replaced["X-Request-ID"])


def test_the_plain_format_carries_the_request_id_too():
    assert "%(request_id)s" in settings.LOGGING["formatters"]["plain"]["format"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Not Found: /r/AbC_123-xyz/", "Not Found: /r/[redacted]/"),
        ("GET /invite/tok-en_1/ 200", "GET /invite/[redacted]/ 200"),
        ("?token=abc&x=1", "?token=[redacted]&x=1"),
        ("Signed in alice@example.com", "Signed in [email]"),
        ("GET /password/reset/done/ 200", "GET /password/reset/done/ 200"),
    ],
)
def test_redaction(line, expected):
    assert redact(line) == expected
