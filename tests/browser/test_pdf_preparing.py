"""A PDF asked for before the worker has made it: the page says so, and the download
appears by itself (htmx polling), or the page refreshes itself without JavaScript."""

from __future__ import annotations

import pytest

from orgs.models import Membership
from tests.browser.conftest import screenshot
from tests.factories import PASSWORD, MembershipFactory, complete_assessment
from wizard import pdf_files

pytestmark = pytest.mark.django_db(transaction=True)

QUEUED_ONLY = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def queued_only(settings, monkeypatch):
    """A queue nobody works: the test plays the worker."""
    settings.TASKS = QUEUED_ONLY
    monkeypatch.setattr(pdf_files, "render_pdf", lambda html, **kwargs: b"%PDF-1.7 test")


def _sign_in(page, live_server):
    membership = MembershipFactory(
        role=Membership.Role.OWNER, organisation__name="Northwind", organisation__headcount=120
    )
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email address").fill(membership.user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state("networkidle")
    return complete_assessment(membership.organisation)


def test_the_download_appears_when_the_worker_is_done(page, live_server, queued_only):
    assessment = _sign_in(page, live_server)
    page.goto(f"{live_server.url}/a/{assessment.code}/report.pdf")
    assert page.get_by_role("heading", name="Preparing the PDF").is_visible()
    screenshot(page, "pdf-preparing")
    # The worker's turn (the live server's queue is its thread's own, so called directly).
    name = pdf_files.pdf_name(assessment, "en-gb")
    pdf_files.render_report_pdf.call(code=str(assessment.code), language="en-gb", name=name)
    link = page.get_by_role("link", name="Download the PDF")
    link.wait_for(timeout=15_000)  # the next poll brings it, without a reload
    screenshot(page, "pdf-ready")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.endswith(".pdf")


def test_without_javascript_the_page_refreshes_itself(browser, live_server, queued_only):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        assessment = _sign_in(page, live_server)
        page.goto(f"{live_server.url}/a/{assessment.code}/report.pdf")
        assert page.get_by_role("heading", name="Preparing the PDF").is_visible()
        refresh = page.locator("noscript").first.inner_html()
        assert 'http-equiv="refresh"' in refresh
        screenshot(page, "pdf-preparing-no-js")
    finally:
        context.close()
