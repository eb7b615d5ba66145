"""Each report's PDF is rendered once, by the task queue, and served from storage."""

from __future__ import annotations

import pytest
from django.core.files.storage import default_storage
from django.tasks import default_task_backend
from django.test import Client
from django.urls import reverse

from tests.factories import complete_assessment
from wizard import pdf_files, rules, services
from wizard.report.share_links import share_link_create

pytestmark = pytest.mark.django_db

QUEUED_ONLY = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def renders(monkeypatch):
    """Counts WeasyPrint renders; each one draws a different (stub) PDF."""
    made: list[str] = []

    def render(html, **kwargs):
        made.append(html)
        return b"%PDF-1.7 render " + str(len(made)).encode()

    monkeypatch.setattr(pdf_files, "render_pdf", render)
    return made


@pytest.fixture
def complete(organisation, owner):
    return complete_assessment(organisation)


def pdf_url(assessment):
    return reverse("report-pdf", args=[assessment.code])


def test_the_stored_pdf_is_served_again_without_rendering(owner_client, complete, renders):
    """The second request gets the same bytes, and nothing is rendered for it."""
    first = owner_client.get(pdf_url(complete))
    second = owner_client.get(pdf_url(complete))
    assert first.status_code == second.status_code == 200
    assert first.content == second.content == b"%PDF-1.7 render 1"
    assert len(renders) == 1


def test_a_pdf_download_has_the_private_headers(owner_client, complete, renders):
    """Members' and link holders' PDFs are attachments no cache keeps."""
    _, token = share_link_create(assessment=complete, user=None, expires_in_days=30)
    for response in (
        owner_client.get(pdf_url(complete)),
        Client().get(reverse("shared-report-pdf", args=[token])),
    ):
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith('attachment; filename="northwind-')
        assert response["Cache-Control"] == "private, no-store"


def test_a_rules_version_change_renders_again(owner_client, complete, renders, monkeypatch):
    """A new rules release finds no PDF of its own and renders one; the old stays apart."""
    owner_client.get(pdf_url(complete))
    monkeypatch.setattr(rules, "RULES_VERSION", "2099.1")
    response = owner_client.get(pdf_url(complete))
    assert response.content == b"%PDF-1.7 render 2"
    assert "2099.1" in pdf_files.pdf_name(complete)


def test_a_template_change_renders_again(owner_client, complete, renders, monkeypatch):
    """The templates' version is part of the stored name."""
    owner_client.get(pdf_url(complete))
    monkeypatch.setattr(pdf_files, "template_version", lambda: "changed")
    owner_client.get(pdf_url(complete))
    assert len(renders) == 2


def test_the_template_version_follows_the_templates(settings, tmp_path):
    """Editing a report template gives another version."""
    (tmp_path / "templates" / "wizard").mkdir(parents=True)
    report = tmp_path / "templates" / "wizard" / "report.html"
    report.write_text("one")
    settings.BASE_DIR = tmp_path
    pdf_files.template_version.cache_clear()
    try:
        first = pdf_files.template_version()
        report.write_text("two")
        pdf_files.template_version.cache_clear()
        assert pdf_files.template_version() != first
    finally:
        pdf_files.template_version.cache_clear()


def test_before_it_is_ready_the_page_says_so_and_polls(owner_client, complete, settings, renders):
    """With a worker to do it, the request queues the render and answers at once."""
    settings.TASKS = QUEUED_ONLY
    response = owner_client.get(pdf_url(complete))
    assert response.status_code == 202
    page = response.content.decode()
    assert "Preparing the PDF" in page
    assert '<noscript><meta http-equiv="refresh"' in page  # without JavaScript
    assert 'hx-trigger="every 3s"' in page  # with it
    assert response["Cache-Control"] == "private, no-store"
    assert renders == []
    [queued] = default_task_backend.results
    assert queued.task.name == "render_report_pdf"


def test_polling_stops_when_the_pdf_is_there(owner_client, complete, settings, renders):
    """The htmx poll gets the status only; once stored, a download link without a trigger."""
    settings.TASKS = QUEUED_ONLY
    waiting = owner_client.get(pdf_url(complete), headers={"HX-Request": "true"})
    assert "every 3s" in waiting.content.decode() and "<html" not in waiting.content.decode()
    [queued] = default_task_backend.results
    queued.task.call(**queued.kwargs)  # the worker's turn
    ready = owner_client.get(pdf_url(complete), headers={"HX-Request": "true"})
    body = ready.content.decode()
    assert ready.status_code == 200
    assert "Download the PDF" in body and "hx-trigger" not in body


def test_asking_again_while_it_is_prepared_queues_nothing_more(
    owner_client, complete, settings, renders
):
    """Repeated requests (a refreshing page, several readers) share one queued render."""
    settings.TASKS = QUEUED_ONLY
    for _ in range(3):
        owner_client.get(pdf_url(complete))
    assert len(default_task_backend.results) == 1


def test_one_client_can_start_only_so_many_renders(owner_client, organisation, settings, renders):
    """Past PDF_RENDER_RATE_LIMIT renders a minute, a client is told to wait."""
    settings.TASKS = QUEUED_ONLY
    settings.PDF_RENDER_RATE_LIMIT = 2
    assessments = [complete_assessment(organisation) for _ in range(3)]
    statuses = [owner_client.get(pdf_url(a)).status_code for a in assessments]
    assert statuses == [202, 202, 429]
    assert len(default_task_backend.results) == 2


def test_finishing_an_assessment_queues_its_pdf(
    organisation, settings, monkeypatch, renders, django_capture_on_commit_callbacks
):
    """The render is queued when the assessment is finished, before anyone asks."""
    monkeypatch.setattr(services, "pdf_render_later", pdf_files.pdf_render_later)
    settings.TASKS = QUEUED_ONLY
    with django_capture_on_commit_callbacks(execute=True):
        assessment = complete_assessment(organisation)
    [queued] = default_task_backend.results
    assert queued.kwargs["code"] == str(assessment.code)
    queued.task.call(**queued.kwargs)
    assert default_storage.exists(pdf_files.pdf_name(assessment))


def test_the_preparing_pages_polls_are_not_counted_as_views(owner, complete, settings, renders):
    """A link holder waiting for the PDF opens it once, however often the page asks."""
    settings.TASKS = QUEUED_ONLY
    link, token = share_link_create(assessment=complete, user=owner, expires_in_days=30)
    url = reverse("shared-report-pdf", args=[token])
    reader = Client()
    assert reader.get(url).status_code == 202
    for _ in range(3):
        assert reader.get(url, headers={"HX-Request": "true"}).status_code == 202
    link.refresh_from_db()
    assert link.views == 1
