"""The whole journey in German, in euros, at desktop and phone widths: every page German,
no text overflowing its box, the PDF in German. Screenshots: var/screenshots/german-*."""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from orgs.models import Membership
from tests.browser.conftest import autosave, screenshot
from tests.factories import PASSWORD, MembershipFactory

pytestmark = pytest.mark.django_db(transaction=True)

# Every element holding text that is wider than its own box, except in scroll
# containers (wide tables scroll on a phone by design) and the diagram's SVG.
OVERFLOWING = r"""() => {
  const found = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest("svg, .table-responsive, script, style, .visually-hidden")) continue;
    // A closed menu's links are not shown (the phone's menu is checked open, below).
    if (el.closest("details:not([open])") && !el.closest("summary")) continue;
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden") continue;
    if (["auto", "scroll"].includes(style.overflowX)) continue;
    // Only boxes that hold text themselves: a layout box is "wider" by Bootstrap's gutters.
    const holdsText = [...el.childNodes].some(
      (node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim()
    );
    if (!holdsText) continue;
    if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
      const text = el.textContent.trim().replace(/\s+/g, " ").slice(0, 60);
      const extra = el.scrollWidth - el.clientWidth;
      found.push(`${el.tagName.toLowerCase()}.${el.className} +${extra}: ${text}`);
    }
  }
  if (document.documentElement.scrollWidth > window.innerWidth) {
    const wide = [...document.body.querySelectorAll("*")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .filter((el) => !el.closest(".table-responsive"))
      .slice(-3)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    found.push(`the page scrolls sideways: ${wide.join(", ")}`);
  }
  return found;
}"""


def check_german(page, name: str, width: int) -> None:
    """The page is German, nothing overflows, and its screenshot is kept."""
    expect(page.locator("html")).to_have_attribute("lang", "de")
    screenshot(page, f"german-{name}-{width}")
    assert page.evaluate(OVERFLOWING) == [], name


@pytest.mark.parametrize("width", [1280, 390])
def test_a_german_manager_plans_shares_and_downloads_in_euros(browser, live_server, width):
    """Sign in, answer the four steps, read the report, share it, get the PDF: in German."""
    membership = MembershipFactory(
        role=Membership.Role.OWNER,
        organisation__name="Münchner Verkehrsbetriebe",
        organisation__headcount=60,
        organisation__currency="EUR",
    )
    context = browser.new_context(
        viewport={"width": width, "height": 900},
        locale="de-DE",
        timezone_id="Europe/Berlin",
        extra_http_headers={"Accept-Language": "de-DE,de;q=0.9"},
    )
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        expect(page.get_by_role("heading", level=1)).to_contain_text("Wissen, wen Sie")
        check_german(page, "landing", width)
        if width < 768:
            page.get_by_text("Menü").click()
            check_german(page, "landing-menu", width)
            page.get_by_text("Menü").click()

        page.goto(live_server.url + "/accounts/login/")
        check_german(page, "sign-in", width)
        page.get_by_label("E-Mail-Adresse").fill(membership.user.email)
        page.get_by_label("Passwort").fill(PASSWORD)
        page.get_by_role("button", name="Anmelden").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Münchner Verkehrsbetriebe")
        check_german(page, "organisation", width)
        page.get_by_role("button", name="Neue Bewertung beginnen").click()

        page.wait_for_url("**/maturity/")
        with autosave(page):
            page.get_by_label("Wie viele KI-Pilotprojekte funktionieren heute?").fill("2")
        expect(page.locator("#preview")).to_contain_text("Pilot")
        check_german(page, "step-1", width)
        page.get_by_role("button", name="Speichern und weiter").click()

        page.wait_for_url("**/paths/")
        page.locator("#id_paths-0-name").fill("Kündigungsvorhersage")
        page.locator("#id_paths-0-kind").select_option("predictive")
        page.get_by_role("button", name="Prozess hinzufügen").click()
        page.locator("#id_paths-1-name").fill("Antworten im Kundendienst")
        page.locator("#id_paths-1-kind").select_option("generative")
        page.wait_for_timeout(900)
        check_german(page, "step-2", width)
        page.get_by_role("button", name="Speichern und weiter").click()

        page.wait_for_url("**/roi/")
        page.locator("#id_roi-0-annual_impact").fill("250.000")
        page.locator("#id_roi-0-labelled_examples").fill("50000")
        with autosave(page):
            page.locator("#id_roi-0-months_to_build").fill("4")
        verdict = page.locator("#preview").get_by_role("region", name="Kündigungsvorhersage")
        expect(verdict).to_contain_text("Eigenes Modell")
        expect(verdict).to_contain_text(re.compile(r"Baukosten\s*66\.666,67\s€"))
        check_german(page, "step-3", width)
        page.get_by_role("button", name="Speichern und weiter").click()

        page.wait_for_url("**/hiring/")
        expect(page.locator("#preview")).to_contain_text("KI-Engineers")
        check_german(page, "step-4", width)
        page.get_by_role("button", name="Abschließen und Plan ansehen").click()

        page.wait_for_url("**/report/")
        expect(page).to_have_title(re.compile("^Teamplan"))
        expect(page.get_by_role("heading", level=1)).to_contain_text(
            "Jetzt 3 KI-Engineers einstellen"
        )
        main = page.locator("main")
        expect(main).to_contain_text("Warum dieses Team")
        expect(main).to_contain_text("„Kündigungsvorhersage“ hat 50.000 gelabelte Beispiele")
        expect(main).to_contain_text("66.666,67\xa0€")
        check_german(page, "report", width)

        page.get_by_role("button", name="Freigabelink erstellen").click()
        link = page.locator("input[readonly]").first.input_value()
        reader = context.new_page()
        reader.goto(link)
        expect(reader.get_by_role("heading", level=1)).to_contain_text(
            "Jetzt 3 KI-Engineers einstellen"
        )
        check_german(reader, "shared-report", width)
        reader.emulate_media(media="print")
        screenshot(reader, f"german-shared-report-print-{width}")

        pdf_url = page.get_by_role("link", name="PDF herunterladen").get_attribute("href")
        response = page.request.get(live_server.url + pdf_url)
        if response.headers["content-type"] != "application/pdf":  # queued, then ready
            response = page.request.get(live_server.url + pdf_url)
        assert response.headers["content-type"] == "application/pdf"
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
        assert "Jetzt 3 KI-Engineers einstellen" in text
        assert "66.666,67" in text and "€" in text
        assert "Hire 3" not in text and "Why this team" not in text
    finally:
        context.close()
