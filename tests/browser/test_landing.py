from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_landing_page_loads_cleanly_from_our_own_origin(page, live_server):
    """The landing page renders with no console errors, no failed or foreign requests."""
    page.goto(live_server.url + "/")
    page.wait_for_load_state("networkidle")
    assert page.title() == "Plan your AI hiring · Hireframe"
    assert page.get_by_role("heading", level=1).is_visible()
    assert page.evaluate("typeof window.htmx") == "object"
    screenshot(page, "landing")
    page.watch.assert_clean()


def test_landing_page_reads_well_on_a_phone(browser, live_server):
    """On a narrow screen the steps stack and nothing overflows sideways."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-GB")
    page = context.new_page()
    page.goto(live_server.url + "/")
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    screenshot(page, "landing-phone")
    context.close()
    assert overflow is False


def test_skip_link_is_the_first_stop_for_keyboard_users(page, live_server):
    """Tab once from the top: the skip link appears and leads to the main content."""
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
