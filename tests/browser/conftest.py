"""Playwright for Python driving Debian's Chromium against Django's live server.

Playwright's own browser download does not work on our machines, so the tests launch the
system Chromium. Where it is missing they skip with a reason, except under CI=true, where a
missing browser fails the run: a green CI must mean the pages were really checked.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in this thread; the live server's database
# access from the test itself is still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but Chromium is missing at {CHROMIUM}; .ci/run installs it.")
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageWatch:
    """Records what went wrong while a page was used: console errors and failed requests."""

    def __init__(self, page, origin: str) -> None:
        self.origin = origin
        self.console_errors: list[str] = []
        self.failed_requests: list[str] = []
        self.foreign_requests: list[str] = []
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        page.on("requestfailed", lambda request: self.failed_requests.append(request.url))
        page.on("response", self._on_response)
        page.on("request", self._on_request)

    def _on_console(self, message) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def _on_response(self, response) -> None:
        if response.status >= 400:
            self.failed_requests.append(f"{response.status} {response.url}")

    def _on_request(self, request) -> None:
        if not request.url.startswith((self.origin, "data:")):
            self.foreign_requests.append(request.url)

    def assert_clean(self) -> None:
        assert self.console_errors == [], self.console_errors
        assert self.failed_requests == [], self.failed_requests
        assert self.foreign_requests == [], self.foreign_requests


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.watch = PageWatch(page, live_server.url)
    yield page
    context.close()


def screenshot(page, name: str, *, full_page: bool = True) -> Path:
    """Save a screenshot under var/screenshots/ for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


# --- The wizard --------------------------------------------------------------------------

ASSESSMENT_URL = re.compile(r"/a/(?P<code>[0-9a-f-]{36})/")


def start_assessment(page, live_server) -> str:
    """Start a guest draft from the landing page; return its base URL, ending /a/<code>/."""
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="Start an assessment").click()
    page.wait_for_url("**/maturity/")
    match = ASSESSMENT_URL.search(page.url)
    assert match is not None, page.url
    return live_server.url + match.group(0)


def autosave(page):
    """Wait, as a context manager, for the autosave that what is done inside it sets off."""
    return page.expect_response(
        lambda response: response.url.endswith("/autosave/") and response.request.method == "POST"
    )


def wait_until_saved(page) -> None:
    """Wait until the status reads "Saved at …" with no save in flight, for a few polls
    in a row, so that a save set off by the last one has had time to start."""
    page.evaluate("window.__savedPolls = 0")
    page.wait_for_function(
        """() => {
            const status = document.getElementById("save-status");
            const saved = status !== null && /^Saved at/.test(status.textContent.trim())
                && status.dataset.state !== "saving" && !document.querySelector(".htmx-request");
            window.__savedPolls = saved ? window.__savedPolls + 1 : 0;
            return window.__savedPolls >= 3;
        }""",
        polling=100,
    )


def tab_to(page, selector: str, *, name: str | None = None, limit: int = 30) -> None:
    """Press Tab until focus is on an element matching `selector` (and, with `name`, whose
    text is `name`); fail if `limit` presses do not get there."""
    script = """([selector, name]) => {
        const element = document.activeElement;
        return element.matches(selector) && (name === null || element.textContent.trim() === name);
    }"""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(script, [selector, name]):
            return
    where = page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
    raise AssertionError(f"{limit} presses of Tab did not reach {selector}; focus is on {where}")
