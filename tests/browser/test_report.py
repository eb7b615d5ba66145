"""The report in Chromium: the page, the what-if panel, share links opened in a fresh
browser, a revoked link, print layout and the PDF."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from orgs.models import Membership
from tests.browser.conftest import SCREENSHOTS, screenshot
from tests.factories import PASSWORD, MembershipFactory, complete_assessment

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def signed_in(page, live_server):
    membership = MembershipFactory(
        role=Membership.Role.OWNER, organisation__name="Northwind", organisation__headcount=120
    )
    assessment = complete_assessment(membership.organisation)
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email address").fill(membership.user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state("networkidle")
    return page, assessment


def test_the_report_reads_top_down_and_loads_cleanly(signed_in, live_server):
    """The headline, chart and paths are visible; no console errors or foreign requests."""
    page, assessment = signed_in
    page.goto(f"{live_server.url}/a/{assessment.code}/report/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Hire 8 AI engineers now")
    assert page.get_by_role("img", name="Team structure to hire now").is_visible()
    screenshot(page, "report")
    page.emulate_media(media="print")
    screenshot(page, "report-print")
    page.emulate_media(media="screen")
    page.watch.assert_clean()


def test_the_what_if_panel_updates_live_and_saves_nothing(signed_in, live_server):
    """Typing a smaller headcount shows the growth-stage team without leaving the page."""
    page, assessment = signed_in
    page.goto(f"{live_server.url}/a/{assessment.code}/report/")
    page.locator("#what-if").get_by_label("People in the organisation").fill("30")
    result = page.locator("#what-if-result")
    result.get_by_text("What changes").wait_for()
    assert "Growth" in result.inner_text()
    page.locator("#what-if").screenshot(path=str(SCREENSHOTS / "what-if.png"))
    assessment.refresh_from_db()
    assert assessment.plan["stage"] == "enterprise"
    page.watch.assert_clean()


def test_a_refused_what_if_value_is_marked_by_its_field_and_cleared_when_fixed(
    signed_in, live_server
):
    """A headcount of 0 is explained next to the field, which is marked invalid for the eye
    and for screen readers; correcting it clears both and shows the plan."""
    page, assessment = signed_in
    page.goto(f"{live_server.url}/a/{assessment.code}/report/")
    field = page.locator("#what-if").get_by_label("People in the organisation")
    field.fill("0")
    error = page.locator("#id_headcount_error")
    error.get_by_text("Enter a whole number from 1 to 10,000,000.").wait_for()
    assert field.get_attribute("aria-invalid") == "true"
    assert "is-invalid" in field.get_attribute("class")
    assert field.input_value() == "0"  # the field is left as typed, not redrawn
    page.locator("#what-if").screenshot(path=str(SCREENSHOTS / "what-if-refused.png"))
    field.fill("30")
    page.locator("#what-if-result").get_by_text("What changes").wait_for()
    assert error.inner_text().strip() == ""
    assert field.get_attribute("aria-invalid") is None
    assert "is-invalid" not in field.get_attribute("class")
    page.watch.assert_clean()


def test_a_share_link_opens_in_a_fresh_browser_and_dies_when_revoked(
    signed_in, browser, live_server
):
    """Someone with only the link reads the report; after revoking, they get not found."""
    page, assessment = signed_in
    page.goto(f"{live_server.url}/a/{assessment.code}/report/")
    page.get_by_role("button", name="Create a share link").click()
    link = page.locator("#new-link").input_value()
    assert "/r/" in link
    page.get_by_role("button", name="Copy", exact=True).click()

    stranger = browser.new_context(viewport={"width": 390, "height": 844})
    reader = stranger.new_page()
    response = reader.goto(link)
    assert response.status == 200
    assert reader.get_by_role("heading", level=1).inner_text().startswith("Hire 8 AI engineers now")
    assert reader.get_by_text("What if").count() == 0
    screenshot(reader, "shared-report-phone")
    overflow = reader.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert overflow is False

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Revoke").click()
    page.get_by_text("revoked").wait_for()
    assert reader.goto(link).status == 404
    stranger.close()


def test_the_pdf_first_page_is_a_clean_memo(signed_in, live_server):
    """The PDF downloads and its first page renders (looked at as a PNG)."""
    page, assessment = signed_in
    page.goto(f"{live_server.url}/a/{assessment.code}/report/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    pdf = SCREENSHOTS / "report.pdf"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    download.value.save_as(str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    if Path("/usr/bin/pdftoppm").exists():
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "70",
                "-f",
                "1",
                "-l",
                "1",
                str(pdf),
                str(SCREENSHOTS / "report-pdf"),
            ],
            check=True,
        )
