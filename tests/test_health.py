from __future__ import annotations

from unittest import mock

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def test_healthz_is_ok_when_the_database_answers(client):
    """The probe answers 200 with a small JSON body."""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert response.headers["Cache-Control"] == "no-store"


def test_healthz_is_503_when_the_database_does_not_answer(client):
    """A database that does not answer makes the probe fail, without a traceback."""
    with mock.patch("config.health.connection") as connection:
        connection.cursor.side_effect = OperationalError("connection refused")
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "down"}


def test_healthz_answers_whatever_the_host_header(client):
    """Load balancers probe by IP address; the probe must not answer 400 for the host."""
    response = client.get("/healthz", HTTP_HOST="10.1.2.3:8000")
    assert response.status_code == 200


def test_healthz_refuses_writes(client):
    """Only GET and HEAD are probes."""
    assert client.post("/healthz").status_code == 405


@pytest.mark.parametrize("method", ["get", "post"])
def test_healthz_carries_the_security_headers(client, method):
    """The probe's JSON is never sniffed as something else, like every other response."""
    response = getattr(client, method)("/healthz")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_healthz_is_not_redirected_to_https_when_the_rest_is(client, settings):
    """With the HTTPS redirect on, a plain-HTTP probe by IP address still gets its answer."""
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/healthz", HTTP_HOST="10.1.2.3:8000")
    assert response.status_code == 200
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert client.get("/", HTTP_HOST="localhost").status_code == 301
