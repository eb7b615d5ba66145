"""/healthz reports the task queue's oldest waiting task, and still fails with the database."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.db import OperationalError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from background.mail import deliver_email

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def test_healthz_says_how_long_the_oldest_task_has_waited(client, settings):
    settings.TASKS = DATABASE_QUEUE
    assert client.get("/healthz").json()["tasks"] == {
        "waiting": 0,
        "oldest_waiting_seconds": None,
    }
    deliver_email.enqueue(
        subject="s", body="b", to=["x@example.com"], from_email=None, html_body=None, key="k"
    )
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=2))
    tasks = client.get("/healthz").json()["tasks"]
    assert tasks["waiting"] == 1
    assert 119 <= tasks["oldest_waiting_seconds"] < 180


def test_a_task_deferred_to_retry_waits_from_when_it_is_due(client, settings):
    """A retry queued for later is not "waiting" until its time comes."""
    settings.TASKS = DATABASE_QUEUE
    deliver_email.using(run_after=timezone.now() + timedelta(minutes=5)).enqueue(
        subject="s", body="b", to=["x@example.com"], from_email=None, html_body=None, key="k"
    )
    assert client.get("/healthz").json()["tasks"]["waiting"] == 0


def test_healthz_is_still_503_without_the_database(client, settings):
    settings.TASKS = DATABASE_QUEUE
    with mock.patch("config.health.connection") as connection:
        connection.cursor.side_effect = OperationalError("connection refused")
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "down"}
