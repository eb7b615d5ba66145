"""Accessibility: axe-core (shipped inside axe-playwright-python, nothing fetched) finds no
violation on any page type at desktop and phone widths, nor on forms showing errors, and
no page scrolls sideways on a phone.

A page type whose owners have a fix under way is marked xfail(strict=True) with what axe
found, so the fix flips it to a failure that asks for the mark to go.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client

from tests.browser.conftest import screenshot
from tests.page_catalogue import SIGNED_OUT, Visit, every_page_type

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
PAGE_TYPES = [
    "landing",
    "sign-in",
    "sign-up",
    "dashboard",
    "organisation",
    "members",
    "step",
    "report",
    "shared-report",
    "compare",
    "api-docs",
    "admin-list",
    "admin-change",
    "not-found",
]
# Found by this test and left to the pages' owners (issue 14), as (page type, width): why.
KNOWN: dict[tuple[str, str], str] = {}
AXE = Axe()


def _case(page_type: str, width: str):
    reason = KNOWN.get((page_type, width)) or KNOWN.get((page_type, "*"))
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(page_type, width, id=f"{page_type}-{width}", marks=marks)


CASES = [_case(page_type, width) for page_type in PAGE_TYPES for width in WIDTHS]


@pytest.fixture
def catalogue(organisation, owner, staff) -> list[Visit]:
    return every_page_type(organisation=organisation, owner=owner, staff=staff)


@pytest.fixture
def open_as(browser, live_server, owner, staff):
    """A function giving a new page at a width, signed in as a persona (or signed out)."""
    users = {"owner": owner, "staff": staff}
    contexts = []

    def open_page(persona: str, width: str):
        w, h = WIDTHS[width]
        context = browser.new_context(viewport={"width": w, "height": h}, locale="en-GB")
        contexts.append(context)
        if persona != SIGNED_OUT:
            client = Client()
            client.force_login(users[persona])
            cookie = client.cookies[settings.SESSION_COOKIE_NAME]
            context.add_cookies(
                [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]
            )
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def violations(page) -> dict[str, list[str]]:
    """axe's violations on the page as it is now: rule id and impact -> the elements."""
    results = AXE.run(page)
    return {
        f"{rule['id']} ({rule['impact']})": [", ".join(node["target"]) for node in rule["nodes"]]
        for rule in results.response["violations"]
    }


def scrolls_sideways(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def check(page, name: str, width: str) -> dict[str, object]:
    """What is wrong with the page as shown: axe's findings and, on a phone, overflow."""
    page.wait_for_load_state("networkidle")
    screenshot(page, f"axe-{name}-{width}")
    found: dict[str, object] = violations(page)
    if width == "phone" and scrolls_sideways(page):
        found["scrolls sideways"] = page.evaluate(
            "[document.documentElement.scrollWidth, window.innerWidth]"
        )
    return found


@pytest.mark.parametrize("page_type, width", CASES)
def test_axe_finds_nothing_and_no_page_scrolls_sideways(
    catalogue, open_as, live_server, page_type, width
):
    """Every page of the type, at the width: no axe violation, no sideways scroll."""
    visits = [visit for visit in catalogue if visit.type == page_type]
    assert visits, page_type
    found = {}
    for visit in visits:
        page = open_as(visit.persona, width)
        response = page.goto(live_server.url + visit.path)
        assert response is not None and response.status == visit.status, visit
        problems = check(page, visit.name, width)
        if problems:
            found[visit.name] = problems
    assert found == {}


FORMS_WITH_ERRORS = {
    # page type: (persona, path, what to fill before sending the form as it is)
    "sign-up": (SIGNED_OUT, "/accounts/signup/", {"#id_email": "not an address"}),
    "sign-in": (SIGNED_OUT, "/accounts/login/", {"#id_username": "nobody@example.com"}),
}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("form", FORMS_WITH_ERRORS)
def test_forms_showing_errors_pass_axe_too(open_as, live_server, form, width):
    """Sent with mistakes (the browser's own checks off), the form's errors are accessible."""
    persona, path, fill = FORMS_WITH_ERRORS[form]
    page = open_as(persona, width)
    page.goto(live_server.url + path)
    page.evaluate("document.querySelectorAll('form').forEach(f => { f.noValidate = true; })")
    for selector, value in fill.items():
        page.fill(selector, value)
    with page.expect_navigation():
        page.locator("main form button[type=submit], main form button:not([type])").last.click()
    assert page.locator(".invalid-feedback, .errorlist, .alert-danger").count() > 0
    assert check(page, f"{form}-errors", width) == {}
