"""The PDF itself: tagged (PDF/UA-1), sans-serif throughout, the team's roles unbroken,
and a short report on as few pages as its content needs. One real WeasyPrint render."""

from __future__ import annotations

import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests.factories import complete_assessment

pytestmark = pytest.mark.django_db


def _fonts(reader: PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def _lowest_text(page) -> float:
    """The height above the page's foot of its lowest line of text, the page number aside."""
    heights: list[float] = []

    def visit(text, cm, tm, font_dict, font_size):  # type: ignore[no-untyped-def]
        if text.strip() and not re.fullmatch(r"\d+ / \d+", text.strip()):
            heights.append(tm[5] * cm[3] + cm[5])

    page.extract_text(visitor_text=visit)
    return min(heights)


def test_the_pdf_is_a_tagged_sans_serif_memo(owner_client, organisation):
    assessment = complete_assessment(organisation)
    response = owner_client.get(reverse("report-pdf", args=[assessment.code]))
    reader = PdfReader(io.BytesIO(response.content))
    catalog = reader.trailer["/Root"]
    # Tagged: a structure tree a screen reader follows, marked as such, in the page's language.
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"]
    assert str(catalog["/Lang"]).lower().startswith("en")
    assert b"pdfuaid" in reader.xmp_metadata.stream.get_data()  # declared PDF/UA
    # The page numbers and the text are set in a sans-serif face, none in a serif one.
    fonts = _fonts(reader)
    assert fonts and not any("Serif" in name or "Times" in name for name in fonts)
    # Two paths: three pages, no more, and no half-empty page: every page but the last is
    # written down to its bottom quarter (the old layout pushed whole sections onto the next).
    assert len(reader.pages) <= 3
    for page in reader.pages[:-1]:
        assert _lowest_text(page) < 0.25 * float(page.mediabox.height)
    first = reader.pages[0].extract_text()
    assert "AI engineers" in first  # the role's name on one line, in the diagram
    # Page 1 is the answer: the team, what it costs, when it is in place, what it hangs on.
    assert "The team to hire now" in first and "Roadmap by quarter" in first
    assert "What would change this plan" in first
