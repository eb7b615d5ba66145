"""The engine's reasons as codes, worded in English and German with the same parameters."""

from __future__ import annotations

import io
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from tests.factories import EXAMPLE_ANSWERS, complete_assessment
from wizard.reason_wording import reasons_in_language
from wizard.rules import make_plan, plan_from_dict, plan_to_dict, validate_answers
from wizard.rules.reason_templates import NOUNS, TEMPLATES, WORDS
from wizard.rules.reason_text import english

PLACEHOLDER = re.compile(r"%\((\w+)\)s")


@pytest.mark.parametrize("code", sorted(TEMPLATES))
def test_every_reason_code_has_a_german_wording_with_the_same_parameters(code):
    """Each code's template is translated, and German asks for exactly its parameters."""
    template = TEMPLATES[code]
    with translation.override("de"):
        german = translation.gettext(template)
    assert german != template, f"{code} has no German wording"
    assert set(PLACEHOLDER.findall(german)) == set(PLACEHOLDER.findall(template))


@pytest.mark.parametrize("noun", sorted(NOUNS))
def test_every_counted_noun_has_german_singular_plural_and_none(noun):
    """Counts agree in German too: "1 Prozess", "3 Prozesse", "keine Prozesse"."""
    singular, plural, none = NOUNS[noun]
    with translation.override("de"):
        forms = (
            translation.ngettext(singular, plural, 1),
            translation.ngettext(singular, plural, 3),
            translation.gettext(none),
        )
    assert forms[0] != singular and forms[1] != plural and forms[2] != none
    assert "%(n)s" in forms[0] and "%(n)s" in forms[1]


@pytest.mark.parametrize("word", sorted(WORDS))
def test_every_word_has_a_german_rendering(word):
    with translation.override("de"):
        assert translation.gettext(WORDS[word]) != WORDS[word] or word == "level_2"


@pytest.fixture
def example_plan():
    return plan_from_dict(plan_to_dict(make_plan(validate_answers(EXAMPLE_ANSWERS))))


def test_english_wording_of_the_codes_is_the_stored_english(example_plan):
    """In English the web words the codes exactly as the engine's `reasons` say."""
    with translation.override("en-gb"):
        assert reasons_in_language(example_plan, "GBP")[0] == example_plan.reasons[0]
    assert [english(code) for code in example_plan.reason_codes] == list(example_plan.reasons)
    path = example_plan.paths[0]
    assert [english(code) for code in path.reason_codes] == list(path.reasons)


def test_german_reasons_use_german_numbers_and_the_currency(example_plan):
    """A German reader gets German sentences, separators and the organisation's money."""
    with translation.override("de"):
        path = " ".join(reasons_in_language(example_plan.paths[0], "EUR"))
        plan = " ".join(reasons_in_language(example_plan, "CHF"))
    assert "50.000 gelabelte Beispiele" in path
    assert "528.888,89\xa0€" in path
    assert "2,67 Jahre" in path
    assert "„Churn prediction“" in path
    assert "Stufe 3 (Produktion)" in plan
    assert "\xa0CHF" in plan
    for english_word in (" the ", " and ", " hire ", " engineer "):
        assert english_word not in path + plan


def test_old_snapshots_without_codes_show_their_stored_english(example_plan):
    """A plan saved before codes were kept reads as it was stored, in any language."""
    stored = plan_to_dict(example_plan)
    stored.pop("reason_codes")
    for path in stored["paths"]:
        path.pop("reason_codes")
    old = plan_from_dict(stored)
    assert old.reason_codes == ()
    with translation.override("de"):
        assert reasons_in_language(old, "EUR") == list(example_plan.reasons)


def test_the_api_keeps_english_reasons_and_adds_the_codes(client):
    """POST /api/plan: `reasons` as before, `reason_codes` beside them."""
    response = client.post(reverse("api-plan"), EXAMPLE_ANSWERS, content_type="application/json")
    payload = response.json()
    assert all(isinstance(reason, str) for reason in payload["reasons"])
    assert len(payload["reason_codes"]) == len(payload["reasons"])
    first = payload["paths"][0]["reason_codes"][0]
    assert first["code"] == "V4"
    assert first["params"]["net"] == {"money": 528888.89}


@pytest.mark.django_db
def test_a_german_report_and_pdf_use_german_separators_and_the_currency(owner, organisation):
    """The owner's report and its PDF, in German, in Swiss francs."""
    organisation.currency = "CHF"
    organisation.save()
    assessment = complete_assessment(organisation)
    german = Client(headers={"accept-language": "de"})
    german.force_login(owner)
    html = german.get(reverse("report", args=[assessment.code])).content.decode()
    assert '<html lang="de"' in html
    assert "66.666,67\xa0CHF" in html
    assert "Jetzt 8 KI-Engineers einstellen" in html
    assert "528.888,89\xa0CHF" in html
    response = german.get(reverse("report-pdf", args=[assessment.code]))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "KI-Engineers" in text and "CHF" in text
    assert "Hire 8 AI engineers" not in text
