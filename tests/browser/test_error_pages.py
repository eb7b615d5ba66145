"""The error pages in Chromium: styled like the rest, readable on a phone, and clean for
axe. Screenshots land in var/screenshots/error-*.png."""

from __future__ import annotations

import uuid

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client

from orgs.models import Membership
from tests.browser.conftest import PageWatch, screenshot
from tests.factories import AssessmentFactory, MembershipFactory

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = {"desktop": 1280, "phone": 390}


def _viewer_cookie(live_server) -> tuple[dict, str]:
    """A signed-in viewer's session cookie, and the delete URL of one of their assessments."""
    membership = MembershipFactory(role=Membership.Role.VIEWER)
    assessment = AssessmentFactory(organisation=membership.organisation)
    client = Client()
    client.force_login(membership.user)
    cookie = {
        "name": "sessionid",
        "value": client.cookies["sessionid"].value,
        "url": live_server.url,
    }
    return cookie, f"/a/{assessment.code}/delete/"


def _check(page, name: str, status: int, heading: str) -> None:
    assert page.get_by_role("heading", level=1).inner_text() == heading
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    watch = page.watch
    # The page's own status is reported as a failed load; nothing else may fail.
    assert [e for e in watch.console_errors if f"status of {status}" not in e] == []
    assert [r for r in watch.failed_requests if not r.startswith(str(status))] == []
    assert watch.foreign_requests == []
    watch.console_errors.clear()
    watch.failed_requests.clear()
    violations = Axe().run(page).response["violations"]
    assert [v["id"] for v in violations] == [], violations
    screenshot(page, name)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_error_pages_in_chromium(browser, live_server, width):
    """405 (a form target opened), 403 (a viewer on a write URL), the CSRF failure and 404."""
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 800}, locale="en-GB")
    page = context.new_page()
    page.watch = PageWatch(page, live_server.url)

    response = page.goto(f"{live_server.url}/a/{uuid.uuid4()}/copy/")
    assert response.status == 405
    _check(page, f"error-405-{width}", 405, "This address is not a page to open")

    response = page.goto(f"{live_server.url}/no-such-page/")
    assert response.status == 404
    _check(page, f"error-404-{width}", 404, "We could not find that page")

    page.goto(f"{live_server.url}/accounts/login/")
    context.clear_cookies()  # as when the form was left open past its cookie
    page.get_by_label("Email address").fill("alice@example.com")
    page.get_by_label("Password").fill("whatever it is")
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.get_by_role("button", name="Sign in").click()
    assert posted.value.status == 403
    _check(page, f"error-403-csrf-{width}", 403, "The form could not be sent")

    cookie, delete_url = _viewer_cookie(live_server)
    context.add_cookies([cookie])
    response = page.goto(live_server.url + delete_url)
    assert response.status == 403
    _check(page, f"error-403-{width}", 403, "You cannot do that here")

    response = page.goto(f"{live_server.url}/start/")
    assert response.status == 200 and page.url.endswith("/#start")
    context.close()
