"""/metrics: for configured addresses or a bearer token only, and its counters move."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from background.mail import deliver_email

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def sample(text: str, name: str, **labels: str) -> float:
    """The value of one sample in the Prometheus text format (0 when absent)."""
    wanted = ",".join(f'{key}="{value}"' for key, value in sorted(labels.items()))
    for line in text.splitlines():
        match = re.fullmatch(rf"{name}(?:\{{(.*)\}})? (\S+)", line)
        if match and ",".join(sorted((match.group(1) or "").split(","))) == wanted:
            return float(match.group(2))
    return 0.0


@pytest.fixture
def metrics_token(settings):
    settings.METRICS_TOKEN = "s3cret-scrape-token"
    return settings.METRICS_TOKEN


def scrape(client: Client, token: str) -> str:
    response = client.get("/metrics", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    return response.content.decode()


def test_an_outsider_is_refused(client, metrics_token):
    """No token, a wrong token, or an address not listed: 403, and no figures."""
    assert client.get("/metrics").status_code == 403
    wrong = client.get("/metrics", headers={"Authorization": "Bearer guess"})
    assert wrong.status_code == 403
    assert b"hireframe_" not in wrong.content


def test_with_nothing_configured_nobody_is_let_in(client, settings):
    """No token and no networks set: /metrics answers nobody, not everybody."""
    settings.METRICS_TOKEN = ""
    settings.METRICS_ALLOWED_NETWORKS = []
    assert client.get("/metrics").status_code == 403


def test_a_listed_network_may_scrape_without_a_token(client, settings):
    import ipaddress

    settings.METRICS_ALLOWED_NETWORKS = [ipaddress.ip_network("127.0.0.0/8")]
    assert client.get("/metrics").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.9").status_code == 403


def test_request_counters_and_latency_move(client, metrics_token):
    """A request to the landing page shows in the counts and in the latency histogram."""
    before = scrape(client, metrics_token)
    client.get("/")
    client.get("/no-such-page/")
    after = scrape(client, metrics_token)
    labels = {"view": "landing", "method": "GET", "status": "200"}
    name = "hireframe_http_requests_total"
    assert sample(after, name, **labels) == sample(before, name, **labels) + 1
    missing = {"view": "<unresolved>", "method": "GET", "status": "404"}
    assert sample(after, name, **missing) == sample(before, name, **missing) + 1
    count = "hireframe_http_request_duration_seconds_count"
    assert sample(after, count, view="landing") == sample(before, count, view="landing") + 1
    db = "hireframe_http_request_database_seconds_count"
    assert sample(after, db, view="landing") == sample(before, db, view="landing") + 1


def test_the_task_queue_depth_age_and_failures_are_shown(client, metrics_token, settings):
    """Waiting tasks, how long the oldest has waited, and failed attempts, by task."""
    settings.TASKS = DATABASE_QUEUE
    deliver_email.enqueue(
        subject="s", body="b", to=["x@example.com"], from_email=None, html_body=None, key="k"
    )
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=5))
    failed = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="background.mail.deliver_email",
        backend_name="default",
        status="FAILED",
    )
    assert failed.pk
    text = scrape(client, metrics_token)
    assert sample(text, "hireframe_task_queue_waiting") == 1
    assert sample(text, "hireframe_task_queue_oldest_waiting_seconds") >= 299
    assert sample(text, "hireframe_task_queue_failed", task="background.mail.deliver_email") == 1


def test_task_outcomes_and_pdf_render_times_are_counted(client, metrics_token, monkeypatch):
    """A finished task is counted by outcome; a PDF render is timed."""
    from tests.factories import OrganisationFactory, complete_assessment
    from wizard import pdf_files

    monkeypatch.setattr(pdf_files, "render_pdf", lambda html, **kwargs: b"%PDF-1.7 stub")
    before = scrape(client, metrics_token)
    assessment = complete_assessment(OrganisationFactory())
    assert pdf_files.pdf_render_later(assessment=assessment, after_commit=False)
    after = scrape(client, metrics_token)
    task = {"task": "wizard.pdf_files.render_report_pdf", "status": "SUCCESSFUL"}
    name = "hireframe_tasks_finished_total"
    assert sample(after, name, **task) == sample(before, name, **task) + 1
    renders = "hireframe_pdf_render_seconds_count"
    assert sample(after, renders) == sample(before, renders) + 1
