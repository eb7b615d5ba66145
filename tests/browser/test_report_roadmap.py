"""The report's money, time and "what would change" in Chromium, at desktop, phone and
print widths, and a report stored under rules 2026.1 beside it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from orgs.models import Membership
from tests.browser.conftest import SCREENSHOTS, screenshot
from tests.factories import EXAMPLE_ANSWERS, PASSWORD, MembershipFactory, complete_assessment
from tests.rules.test_example_plan import EXAMPLE_ANSWERS as FRAMEWORK_EXAMPLE
from wizard.answers_draft import normalised
from wizard.models import Assessment

pytestmark = pytest.mark.django_db(transaction=True)

SNAPSHOT_2026_1 = Path(__file__).parents[1] / "rules" / "snapshots" / "plan-2026.1-example.json"


@pytest.fixture
def signed_in(page, live_server):
    membership = MembershipFactory(
        role=Membership.Role.OWNER, organisation__name="Northwind", organisation__headcount=120
    )
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email address").fill(membership.user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state("networkidle")
    return page, membership.organisation


def _sections(page, name: str) -> None:
    for section in ("roadmap-heading", "changes-heading"):
        locator = page.locator(f'section[aria-labelledby="{section}"]')
        locator.screenshot(path=str(SCREENSHOTS / f"{name}-{section.split('-')[0]}.png"))
    page.locator("header.report-header").screenshot(path=str(SCREENSHOTS / f"{name}-headline.png"))


def test_headline_roadmap_and_changes_at_desktop_phone_and_print(signed_in, live_server):
    page, organisation = signed_in
    assessment = complete_assessment(organisation)
    page.goto(f"{live_server.url}/a/{assessment.code}/report/")
    heading = page.get_by_role("heading", level=1).inner_text()
    assert "Hire 8 AI engineers now" in heading and "in place by quarter" in heading
    chart = page.get_by_role("img", name="Team size and yearly cost by quarter")
    assert chart.is_visible()
    assert page.get_by_role("heading", name="What would change this plan").is_visible()
    assert not page.locator(".roadmap-list").is_visible()
    _sections(page, "roadmap-1280")
    screenshot(page, "roadmap-report-1280")

    page.set_viewport_size({"width": 390, "height": 844})
    assert page.locator(".roadmap-list").is_visible()
    assert not chart.is_visible()
    _sections(page, "roadmap-390")
    screenshot(page, "roadmap-report-390")

    page.set_viewport_size({"width": 1280, "height": 900})
    page.emulate_media(media="print")
    assert chart.is_visible()
    _sections(page, "roadmap-print")
    screenshot(page, "roadmap-report-print")
    page.emulate_media(media="screen")
    page.watch.assert_clean()


def test_a_2026_1_report_shows_as_it_was_with_its_note(signed_in, live_server):
    page, organisation = signed_in
    assessment = complete_assessment(organisation, FRAMEWORK_EXAMPLE)
    assessment.plan = json.loads(SNAPSHOT_2026_1.read_text(encoding="utf-8"))
    assessment.rules_version = "2026.1"
    assessment.save(update_fields=["plan", "rules_version"])
    page.goto(f"{live_server.url}/a/{assessment.code}/report/")
    assert page.get_by_text("made with rules 2026.1").is_visible()
    assert page.get_by_role("button", name="Re-assess from a copy to see costs").is_visible()
    assert page.locator('section[aria-labelledby="roadmap-heading"]').count() == 0
    screenshot(page, "report-2026.1-1280")
    page.watch.assert_clean()


def test_step_four_preview_shows_the_yearly_cost_and_roadmap(signed_in, live_server):
    page, organisation = signed_in
    assessment = Assessment.objects.create(
        organisation=organisation,
        answers=normalised(EXAMPLE_ANSWERS),
        path_descriptions=["", ""],
        furthest_step=4,
    )
    page.goto(f"{live_server.url}/a/{assessment.code}/hiring/")
    page.get_by_label("Roles you can open in one quarter").wait_for()
    preview = page.locator("#preview")
    assert "a year" in preview.inner_text() and "Quarter by quarter" in preview.inner_text()
    screenshot(page, "step-hiring-1280")
    page.goto(f"{live_server.url}/a/{assessment.code}/roi/")
    assert page.get_by_label("Yearly cost of one ML engineer").is_visible()
    screenshot(page, "step-roi-1280")
    page.watch.assert_clean()
