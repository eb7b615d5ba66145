"""Several voices in Chromium: three colleagues answer on their own, the organiser closes
the round, reconciles, finishes, and a colleague reviews the report."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from orgs.models import Membership
from tests.browser.conftest import screenshot
from tests.browser.test_axe import check
from tests.factories import AssessmentFactory, MembershipFactory
from voices.models import Respondent

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def signed_in(browser, live_server):
    contexts = []

    def open_as(user, width: int = 1280, height: int = 900):
        context = browser.new_context(viewport={"width": width, "height": height}, locale="en-GB")
        contexts.append(context)
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
        return context.new_page()

    yield open_as
    for context in contexts:
        context.close()


def _answer(page, base: str, *, pilots: str, examples: str, name: str) -> None:
    page.goto(f"{base}maturity/")
    page.fill("[name=working_pilots]", pilots)
    page.fill("[name=systems_in_production]", "1")
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url("**/paths/")
    page.fill("[name=paths-0-name]", name)
    page.select_option("[name=paths-0-kind]", "predictive")
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url("**/roi/")
    page.fill("[name=roi-0-annual_impact]", "250000")
    page.fill("[name=roi-0-labelled_examples]", examples)
    page.fill("[name=roi-0-months_to_build]", "4")
    page.get_by_role("button", name="Submit my answers").click()
    page.wait_for_url(f"{base}")
    assert "your answers are in" in page.content()


def test_a_team_of_three_runs_a_round_to_a_reviewed_report(
    signed_in, live_server, organisation, owner, editor, viewer
):
    carol = MembershipFactory(
        organisation=organisation, role=Membership.Role.EDITOR, user__email="carol@example.com"
    ).user
    draft = AssessmentFactory(organisation=organisation, created_by=owner)
    organiser = signed_in(owner)
    organiser.goto(f"{live_server.url}/a/{draft.code}/round/")
    for label in ("bob@example.com", "vera@example.com", "carol@example.com"):
        organiser.get_by_label(label, exact=False).check()
    organiser.get_by_role("button", name="Ask them").click()
    organiser.wait_for_url("**/round/")
    assert organiser.locator("#respondents tbody tr").count() == 3

    answers = {
        editor: ("2", "50000", "Churn prediction"),
        viewer: ("2", "5000", "churn prediction"),
        carol: ("3", "60000", "Churn Prediction"),
    }
    pages = {}
    for user, (pilots, examples, name) in answers.items():
        page = signed_in(user)
        code = Respondent.objects.get(user=user).code
        base = f"{live_server.url}/v/{code}/"
        _answer(page, base, pilots=pilots, examples=examples, name=name)
        pages[user] = (page, base)
    # Before the close, nobody reaches anyone else's answers.
    bob_page, _ = pages[editor]
    _, vera_base = pages[viewer]
    assert bob_page.goto(f"{vera_base}maturity/").status == 404

    organiser.goto(f"{live_server.url}/a/{draft.code}/round/")
    organiser.get_by_role("button", name="Close the round with the answers in").click()
    organiser.wait_for_url("**/round/consensus/")
    assert "The answer that makes the difference" in organiser.content()
    assert check(organiser, "voices-consensus", "desktop") == {}
    screenshot(organiser, "voices-consensus-1280")
    phone = signed_in(owner, 390, 844)
    phone.goto(organiser.url)
    screenshot(phone, "voices-consensus-390")
    assert check(phone, "voices-consensus", "phone") == {}

    organiser.get_by_role("button", name="Take these answers into the draft").click()
    organiser.wait_for_url("**/roi/")
    organiser.get_by_role("button", name="Save and continue").click()
    organiser.wait_for_url("**/hiring/")
    organiser.fill("[name=headcount]", "150")
    organiser.get_by_role("button", name="Finish and see the plan").click()
    organiser.wait_for_url("**/report/")
    report = organiser.content()
    assert "Who answered, and whether it matters" in report
    screenshot(organiser, "voices-report-1280")

    bob_page.goto(organiser.url.replace("/report/", "/review/"))
    bob_page.fill("[name=comment]", "Checked the examples count with the data team.")
    bob_page.get_by_role("button", name="Mark reviewed").click()
    bob_page.wait_for_url("**/report/")
    assert "Reviewed by" in bob_page.content()
