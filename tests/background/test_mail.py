"""Mail leaves through the task queue: queued after the commit, retried with backoff, sent
once, and a request that sends mail never fails because the mail server does."""

from __future__ import annotations

import smtplib
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from background.mail import deliver_email, send_email_later
from background.queue import retry_delay

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def run_worker_once() -> None:
    # The worker closes connections it thinks stale; inside a test's transaction (not in
    # autocommit) that would close the test's own PostgreSQL connection.
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        _run_worker()


def _run_worker() -> None:
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    ).run()


@pytest.fixture
def failing_smtp(monkeypatch):
    calls = []

    def refuse(self, messages):
        calls.append(messages)
        raise smtplib.SMTPServerDisconnected("gone")

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)
    return calls


def test_a_message_queued_inside_a_transaction_waits_for_the_commit(
    django_capture_on_commit_callbacks,
):
    """Nothing is sent while the transaction that queued it is still open."""
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        send_email_later(subject="Hello", body="Body", to=["dana@example.com"])
        assert mail.outbox == []
    [message] = mail.outbox
    assert message.to == ["dana@example.com"]


def test_a_rolled_back_transaction_sends_nothing(django_capture_on_commit_callbacks):
    """Work queued by a transaction that fails is never done."""
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        send_email_later(subject="Hello", body="Body", to=["dana@example.com"])
        raise RuntimeError
    assert mail.outbox == []


def test_a_subject_with_a_line_break_is_refused_before_queueing():
    """A header injection is the caller's error, raised where it can still be reported."""
    with pytest.raises(ValueError):
        send_email_later(subject="Hi\r\nBcc: x@example.com", body="", to=["dana@example.com"])
    assert mail.outbox == []


def test_a_message_already_sent_is_not_sent_again():
    """Running the same delivery twice (a retry after a lost result) sends one message."""
    message = {"subject": "Hi", "body": "", "to": ["d@example.com"], "from_email": None}
    deliver_email.call(**message, html_body=None, key="k1")
    deliver_email.call(**message, html_body=None, key="k1")
    assert len(mail.outbox) == 1


def test_a_failed_delivery_is_retried_later_with_backoff(failing_smtp):
    """With the database queue, a refused message is marked failed and queued again, later."""
    with override_settings(TASKS=DATABASE_QUEUE):
        send_email_later(subject="Hi", body="Body", to=["dana@example.com"])
        before = timezone.now()
        run_worker_once()
    assert len(failing_smtp) == 1
    failed, retry = DBTaskResult.objects.order_by("enqueued_at")
    assert failed.status == "FAILED"
    assert retry.status == "READY"
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert retry.run_after >= before + timedelta(seconds=29)


def test_backoff_doubles_and_stops_at_a_day():
    assert [retry_delay(n, timedelta(seconds=30)).total_seconds() for n in (1, 2, 3)] == [
        30,
        60,
        120,
    ]
    assert retry_delay(30, timedelta(seconds=30)) == timedelta(days=1)


def test_delivery_gives_up_after_its_attempts(failing_smtp):
    """Inline (no deferral), every attempt runs at once, and there is an end to them."""
    send_email_later(subject="Hi", body="Body", to=["dana@example.com"])
    assert len(failing_smtp) == 6


def test_a_password_reset_answers_even_when_the_mail_server_is_down(client, failing_smtp):
    """The reset request is queued; the page answers as usual and the worker retries."""
    from tests.factories import UserFactory

    UserFactory(email="alice@example.com")
    response = client.post(reverse("password_reset"), {"email": "alice@example.com"})
    assert response.status_code == 302
    assert failing_smtp
