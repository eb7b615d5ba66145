"""Sign-ins, successful and failed, are recorded in the audit log."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = reverse("login")


def test_a_successful_sign_in_is_recorded(client, owner):
    """Signing in records the user, their email and their address."""
    client.post(LOGIN, {"username": "alice@example.com", "password": PASSWORD})
    event = AuditEvent.objects.get(action="login.succeeded")
    assert event.actor == owner
    assert event.actor_email == "alice@example.com"
    assert event.ip_address == "127.0.0.1"


def test_a_failed_sign_in_records_the_attempted_email_but_never_the_password(client, owner):
    """A wrong password records who was tried, from where, and nothing of the password."""
    client.post(LOGIN, {"username": "alice@example.com", "password": "hunter2-wrong"})
    event = AuditEvent.objects.get(action="login.failed")
    assert event.actor is None
    assert event.details == {"email": "alice@example.com"}
    assert event.target == "alice@example.com"
    assert event.ip_address == "127.0.0.1"
    stored = json.dumps(list(AuditEvent.objects.values()), default=str)
    assert "hunter2" not in stored
    assert "********" not in stored
    assert not AuditEvent.objects.filter(action="login.succeeded").exists()


def test_a_sign_in_with_an_unknown_email_is_recorded_too(client, db):
    """Attempts against accounts that do not exist show up as failures as well."""
    client.post(LOGIN, {"username": "mallory@example.com", "password": "guess"})
    assert AuditEvent.objects.get(action="login.failed").details == {"email": "mallory@example.com"}


def test_an_overlong_attempted_email_is_cut_short(client, db):
    """Whatever is typed into the email field, the log keeps a bounded amount of it."""
    client.post(LOGIN, {"username": "x" * 5000, "password": "guess"})
    events = AuditEvent.objects.filter(action="login.failed")
    assert all(len(event.details.get("email", "")) <= 254 for event in events)
