"""Page weight, measured in Chromium: what a first visit and a step swap cost on the wire.

The live server serves static files through Django's static handler, which does not
compress, so the sizes on the wire here are not what production sends. Instead every
HTML, CSS and JS response the page receives is gzipped here at level 6 (what whitenoise's
precompressed .gz files and a typical proxy produce) and the compressed sizes are summed.
Budgets: 60 KB for a first page with an empty cache, 6 KB for the htmx response that
"Save and continue" swaps in.
"""

from __future__ import annotations

import gzip

from tests.browser.conftest import start_assessment

FIRST_PAGE_BUDGET = 60 * 1024
STEP_SWAP_BUDGET = 6 * 1024
COUNTED = {"document", "stylesheet", "script", "xhr", "fetch"}


class Weigher:
    """Sums the gzipped size of each HTML, CSS and JS response the page receives."""

    def __init__(self, page) -> None:
        self.sizes: dict[str, int] = {}
        page.on("response", self._on_response)

    def _on_response(self, response) -> None:
        if response.request.resource_type in COUNTED and response.status < 300:
            self.sizes[response.url] = len(gzip.compress(response.body(), compresslevel=6))

    def reset(self) -> None:
        self.sizes.clear()

    @property
    def total(self) -> int:
        return sum(self.sizes.values())

    def breakdown(self) -> str:
        return ", ".join(f"{url.rsplit('/', 2)[-2:]}: {size}" for url, size in self.sizes.items())


def test_landing_page_first_visit_is_within_60_kb_compressed(page, live_server):
    weigher = Weigher(page)
    page.goto(live_server.url + "/")
    page.wait_for_load_state("networkidle")
    assert weigher.total <= FIRST_PAGE_BUDGET, weigher.breakdown()


def test_wizard_step_first_visit_is_within_60_kb_compressed(browser, page, live_server):
    base = start_assessment(page, live_server)
    # A new browser context has an empty cache, as a visitor arriving on the step would.
    context = browser.new_context(storage_state=page.context.storage_state())
    fresh = context.new_page()
    weigher = Weigher(fresh)
    fresh.goto(base + "maturity/")
    fresh.wait_for_load_state("networkidle")
    context.close()
    assert weigher.total <= FIRST_PAGE_BUDGET, weigher.breakdown()


def test_save_and_continue_swaps_in_a_step_within_6_kb_compressed(page, live_server):
    start_assessment(page, live_server)
    page.wait_for_load_state("networkidle")
    with page.expect_response(
        lambda r: r.url.endswith("/maturity/") and r.request.method == "POST"
    ) as swap:
        page.get_by_role("button", name="Save and continue").click()
    response = swap.value
    assert response.request.headers.get("hx-request") == "true"
    size = len(gzip.compress(response.body(), compresslevel=6))
    page.wait_for_url("**/paths/")
    assert size <= STEP_SWAP_BUDGET, size
