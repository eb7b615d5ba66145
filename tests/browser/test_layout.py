"""The site's frame on a phone and a desktop: a one-line header whose menu works by
keyboard without JavaScript, and tables of records whose actions stay on screen."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from tests.browser.conftest import screenshot
from tests.factories import complete_assessment
from wizard.report.share_links import share_link_create

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def new_page(browser, live_server, viewport, *, user=None, javascript=True):
    context = browser.new_context(viewport=viewport, locale="en-GB", java_script_enabled=javascript)
    if user is not None:
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return context.new_page()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_phone_header_is_one_line_with_a_menu_that_opens_by_keyboard(
    browser, live_server, owner, javascript
):
    """At 390 px the header is the brand and a Menu button; Enter opens the links."""
    page = new_page(browser, live_server, PHONE, user=owner, javascript=javascript)
    page.goto(live_server.url + "/dashboard/")
    header = page.locator(".site-header").bounding_box()
    assert header is not None and header["height"] < 80, header
    sign_out = page.get_by_role("button", name="Sign out")
    assert not sign_out.is_visible()
    screenshot(page, f"header-phone-closed-{'js' if javascript else 'no-js'}", full_page=False)
    page.locator(".site-menu > summary").focus()
    page.keyboard.press("Enter")
    assert sign_out.is_visible()
    assert page.get_by_role("link", name="Change password").is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.site-menu') !== null")
    screenshot(page, f"header-phone-open-{'js' if javascript else 'no-js'}", full_page=False)
    page.context.close()


def test_the_desktop_header_shows_its_links_in_one_row(browser, live_server):
    """At 1280 px the links are in the header itself; there is no Menu button."""
    page = new_page(browser, live_server, DESKTOP)
    page.goto(live_server.url + "/")
    assert not page.locator(".site-menu > summary").is_visible()
    links = [
        page.get_by_role("link", name=name, exact=True)
        for name in ("How it works", "API", "Sign in")
    ]
    assert all(link.is_visible() for link in links)
    tops = {round(link.bounding_box()["y"]) for link in links}
    assert len(tops) == 1, tops
    screenshot(page, "header-desktop", full_page=False)
    page.context.close()


def _actions_on_screen(page, selector: str) -> list[str]:
    """The action buttons and links matching `selector` that end past the viewport."""
    return page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)]
            .filter(el => el.getBoundingClientRect().right > window.innerWidth)
            .map(el => el.textContent.trim())""",
        selector,
    )


def test_tables_of_records_keep_their_actions_on_a_phone(
    browser, live_server, organisation, owner, editor
):
    """Dashboard, members and share links at 390 px: no sideways scroll, actions on screen."""
    complete = complete_assessment(organisation)
    share_link_create(assessment=complete, user=owner, expires_in_days=30)
    page = new_page(browser, live_server, PHONE, user=owner)
    for name, path, actions in [
        ("organisation", f"/o/{organisation.slug}/", ".assessments .table-actions .btn"),
        ("members", f"/o/{organisation.slug}/members/", ".members .table-actions .btn"),
        ("share-links", f"/a/{complete.code}/report/#share", "#share .table-actions .btn"),
    ]:
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        assert page.locator(actions).count() > 0, name
        assert _actions_on_screen(page, actions) == [], name
        if name != "share-links":  # the report's paths table is its owners' (issue 14, item 2)
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), name
        page.locator(actions).first.scroll_into_view_if_needed()
        screenshot(page, f"table-{name}-phone", full_page=False)
    page.context.close()


def test_a_visually_hidden_table_does_not_widen_the_page(browser, live_server, organisation, owner):
    """The shared report's hidden table stays 1 px wide, and is still read as a table."""
    complete = complete_assessment(organisation)
    _link, token = share_link_create(assessment=complete, user=owner, expires_in_days=30)
    page = new_page(browser, live_server, PHONE)
    page.goto(f"{live_server.url}/r/{token}/")
    assert page.locator("table.visually-hidden").count() > 0
    widest = page.evaluate(
        "Math.max(...[...document.querySelectorAll('table.visually-hidden')]"
        ".map(t => t.getBoundingClientRect().width))"
    )
    assert widest <= 1
    assert page.locator("table.visually-hidden").first.aria_snapshot().startswith("- table")
    page.context.close()
