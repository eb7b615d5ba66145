"""The report's finer points in Chromium: path cards on a phone, focus after sharing,
contrast, the top action bar, revoking without JavaScript, the admin list and the API
docs. Screenshots land in var/screenshots/report-*.png, admin-*.png and api-docs-*.png."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client

from orgs.models import Membership
from tests.browser.conftest import PageWatch, screenshot
from tests.factories import (
    EXAMPLE_ANSWERS,
    MembershipFactory,
    UserFactory,
    complete_assessment,
)

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _signed_in_context(browser, live_server, user, *, viewport=DESKTOP, javascript=True):
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport=viewport, locale="en-GB", java_script_enabled=javascript)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    page.watch = PageWatch(page, live_server.url)
    return context, page


@pytest.fixture
def owner_and_report(db):
    membership = MembershipFactory(
        role=Membership.Role.OWNER, organisation__name="Northwind", organisation__headcount=120
    )
    long_name = {
        **EXAMPLE_ANSWERS["critical_paths"][0],
        "name": "Predicting which enterprise customers will not renew their contracts",
    }
    answers = {
        **EXAMPLE_ANSWERS,
        "critical_paths": [long_name, *EXAMPLE_ANSWERS["critical_paths"][1:]],
    }
    complete_assessment(membership.organisation)  # something to compare with
    return membership.user, complete_assessment(membership.organisation, answers)


def _no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def _axe(page, *rules: str) -> list[dict]:
    """axe's violations of `rules` (all rules when none are named)."""
    violations = Axe().run(page).response["violations"]
    return [v for v in violations if not rules or v["id"] in rules]


def test_on_a_phone_paths_are_cards_and_nothing_scrolls_sideways(
    browser, live_server, owner_and_report
):
    """At 390 px the report and the shared report show one card per path with its whole
    "why", the wide table is not drawn, and the page does not scroll sideways."""
    user, assessment = owner_and_report
    context, page = _signed_in_context(browser, live_server, user, viewport=PHONE)
    page.goto(f"{live_server.url}/a/{assessment.code}/report/")
    cards = page.locator(".path-card")
    assert cards.count() == 2 and cards.first.is_visible()
    assert not page.locator(".paths-table").is_visible()
    assert "Predicting which enterprise customers" in cards.first.inner_text()
    assert _no_sideways_scroll(page)
    screenshot(page, "report-phone")
    assert _axe(page, "scrollable-region-focusable", "color-contrast") == []

    page.get_by_role("button", name="Create a share link").click()
    link = page.locator("#new-link").input_value()
    shared = context.new_page()
    shared.goto(link)
    assert shared.locator(".path-card").count() == 2
    assert _no_sideways_scroll(shared)
    screenshot(shared, "report-shared-phone")
    assert _axe(shared, "scrollable-region-focusable", "color-contrast") == []
    context.close()


def test_on_a_desktop_the_paths_are_one_table(browser, live_server, owner_and_report):
    """At 1280 px the paths are the table, its region reachable by keyboard, and the top
    action bar offers Share and Compare."""
    user, assessment = owner_and_report
    context, page = _signed_in_context(browser, live_server, user)
    page.goto(f"{live_server.url}/a/{assessment.code}/report/")
    assert page.locator(".paths-table").is_visible()
    assert not page.locator(".path-card").first.is_visible()
    actions = page.get_by_role("group", name="Report actions")
    actions.get_by_role("link", name="Compare").click()
    assert page.url.endswith("#compare")
    actions.get_by_role("link", name="Share").click()
    assert page.url.endswith("#share")
    page.wait_for_function(
        "() => document.getElementById('share').getBoundingClientRect().top < 900"
    )
    screenshot(page, "report-desktop", full_page=False)
    assert _axe(page, "scrollable-region-focusable", "color-contrast") == []
    page.watch.assert_clean()
    context.close()


def test_focus_goes_to_the_new_share_link_with_and_without_javascript(
    browser, live_server, owner_and_report
):
    """After creating a link, focus is on it (not on <body>), by htmx and by a full page;
    the Copy button passes contrast on its green notice."""
    user, assessment = owner_and_report
    for javascript in (True, False):
        context, page = _signed_in_context(browser, live_server, user, javascript=javascript)
        page.goto(f"{live_server.url}/a/{assessment.code}/report/")
        page.get_by_role("button", name="Create a share link").click()
        page.locator("#new-link").wait_for()
        page.wait_for_function(
            "() => document.activeElement && document.activeElement.id === 'new-link'"
        )
        if javascript:
            page.locator("#share").screenshot(path=str(screenshot_path("report-share-focus")))
            assert _axe(page, "color-contrast") == []
        context.close()


def screenshot_path(name: str):
    from tests.browser.conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{name}.png"


def test_what_if_error_text_passes_contrast(browser, live_server, owner_and_report):
    """A refused what-if value: its message and the panel's summary read at 4.5:1 or more."""
    user, assessment = owner_and_report
    context, page = _signed_in_context(browser, live_server, user)
    page.goto(f"{live_server.url}/a/{assessment.code}/report/")
    page.locator("#what-if").get_by_label("People in the organisation").fill("0")
    page.locator("#id_headcount_error").get_by_text("Enter a whole number").wait_for()
    page.locator("#what-if").screenshot(path=str(screenshot_path("report-what-if-error")))
    assert _axe(page, "color-contrast") == []
    context.close()


def test_revoking_without_javascript_asks_first(browser, live_server, owner_and_report):
    """With JavaScript off, Revoke opens a confirmation; only confirming revokes."""
    user, assessment = owner_and_report
    context, page = _signed_in_context(browser, live_server, user, javascript=False)
    page.goto(f"{live_server.url}/a/{assessment.code}/report/")
    page.get_by_role("button", name="Create a share link").click()
    page.get_by_role("button", name="Revoke").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Revoke this share link?"
    screenshot(page, "report-revoke-confirm")  # axe needs JavaScript, which is off here
    page.get_by_role("button", name="Revoke the link").click()
    assert page.url.endswith("#share")
    assert page.locator("#share").get_by_text("revoked").is_visible()
    context.close()


def test_the_admin_list_fits_1280_and_its_filters_are_big_enough(
    browser, live_server, owner_and_report
):
    """The assessments list does not scroll sideways at 1280 px, shows words for stages,
    names each assessment by organisation and date, and its filter links pass target-size;
    the browser's /favicon.ico request succeeds."""
    staff = UserFactory(is_staff=True, is_superuser=True)
    context, page = _signed_in_context(browser, live_server, staff)
    assert page.goto(f"{live_server.url}/favicon.ico").status == 200
    page.goto(f"{live_server.url}/admin/wizard/assessment/")
    assert _no_sideways_scroll(page)
    table = page.locator("#result_list")
    assert "Enterprise" in table.inner_text() and "enterprise" not in table.inner_text()
    assert "Northwind – " in table.inner_text()
    screenshot(page, "admin-assessments-1280", full_page=False)
    assert _axe(page, "target-size") == []
    context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_api_docs_read_well_and_their_code_is_reachable(browser, live_server, viewport, db):
    """ "application/json and" keeps its space; every code block can be reached by Tab."""
    context = browser.new_context(viewport=viewport, locale="en-GB")
    page = context.new_page()
    page.goto(f"{live_server.url}/api/")
    assert "application/json and a body" in page.locator("main").inner_text()
    blocks = page.locator("pre")
    assert blocks.count() >= 2
    assert all(blocks.nth(i).get_attribute("tabindex") == "0" for i in range(blocks.count()))
    screenshot(page, f"api-docs-{viewport['width']}")
    assert _axe(page, "scrollable-region-focusable", "aria-prohibited-attr") == []
    context.close()
