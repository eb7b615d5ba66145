"""The report: content from the stored plan, exports, what-if and compare."""

from __future__ import annotations

import csv
import io
import json
import re
from unittest import mock

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests.factories import EXAMPLE_ANSWERS, complete_assessment
from wizard.models import Assessment
from wizard.rules import make_plan, plan_to_dict, validate_answers

pytestmark = pytest.mark.django_db

# The what-if's answers for the team's cost and pace of hiring (rules 2026.2).
HIRING_PACE = {
    "ai_engineer_annual_cost": "180000",
    "infra_engineer_annual_cost": "190000",
    "months_to_hire": "3",
    "hires_per_quarter": "3",
}


@pytest.fixture
def complete(organisation, owner):
    return complete_assessment(organisation)


def _html(client, assessment) -> str:
    response = client.get(reverse("report", args=[assessment.code]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_report_leads_with_the_team_to_hire_now(owner_client, complete):
    """Headline, first hire, diagram with a text equivalent, order and deferred hires."""
    html = _html(owner_client, complete)
    plan = complete.plan
    assert plan["team"] == {
        "ai_engineers": 8,
        "applied_ai_engineers": 1,
        "ml_engineers": 1,
        "ml_infra_engineers": 1,
        "ai_infra_engineers": 1,
    }
    assert "Hire 8 AI engineers now, and 1 ML engineer, with 2 infrastructure engineers" in html
    assert "Your first hire: an applied AI engineer." in html
    assert 'role="img" aria-labelledby="diagram-title diagram-desc"' in html
    assert "<caption>Team to hire now, by role</caption>" in html
    assert "7 × AI engineer" in html


def test_the_report_shows_each_paths_figures_in_the_organisations_currency(
    owner_client, complete, organisation
):
    """Every path's verdict and money figures, exact, with the currency symbol."""
    organisation.currency = "EUR"
    organisation.save()
    html = _html(owner_client, complete)
    churn = complete.plan["paths"][0]
    assert churn["verdict"] == "custom_ml" and churn["build_cost"] == 66666.67
    assert "€66,666.67" in html and "€26,666.67" in html
    assert "Custom model" in html and "Foundation model" in html


def test_the_report_explains_maturity_tree_roles_and_assumptions(owner_client, complete):
    """The reasons behind the team are all on the page."""
    html = _html(owner_client, complete)
    assert "AI maturity: level 3, Production" in html
    assert "To reach the next level:" in html
    assert "Cross-check: the decision tree" in html and "Outcome:" in html
    assert "What each role does" in html and "Owns:" in html and "Hire for:" in html
    assert "Yearly cost of one ML engineer" in html and "£200,000" in html
    assert "rules version 2026.2" in html


def test_a_rules_change_never_alters_a_stored_report(owner_client, complete, monkeypatch):
    """The report renders the snapshot: a new engine with other numbers changes nothing."""
    before = _html(owner_client, complete)
    monkeypatch.setattr("wizard.rules.plan.RULES_VERSION", "2099.9")
    monkeypatch.setattr(
        "wizard.rules.team.AI_BANDS", {"startup": (1, 1), "growth": (1, 1), "enterprise": (1, 1)}
    )
    after = _html(owner_client, complete)

    def article(html: str) -> str:
        body = html[html.index('aria-labelledby="team-heading"') : html.index('id="what-if"')]
        return re.sub(r'value="[^"]{40,}"', "", body)  # CSRF tokens differ per request

    assert article(after) == article(before)
    assert "2099.9" not in after


def test_json_export_holds_answers_and_plan_in_the_contracts_shape(owner_client, complete):
    """The JSON round-trips: its answers give the same plan through the engine."""
    response = owner_client.get(reverse("report-json", args=[complete.code]))
    assert response["Content-Disposition"].startswith('attachment; filename="')
    document = json.loads(response.content)
    assert document["plan"] == complete.plan
    assert plan_to_dict(make_plan(validate_answers(document["answers"]))) == document["plan"]


def test_csv_export_has_one_row_per_path_with_its_figures(owner_client, complete):
    """The CSV's rows read back to the plan's numbers."""
    response = owner_client.get(reverse("report-csv", args=[complete.code]))
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["name"] for row in rows] == ["Churn prediction", "Support replies"]
    assert float(rows[0]["net_value"]) == complete.plan["paths"][0]["net_value"]
    assert rows[0]["verdict"] == "custom_ml" and rows[1]["break_even_annual_impact"] == "80000.0"


def test_csv_cells_cannot_start_a_spreadsheet_formula(owner_client, organisation):
    """A path named like a formula is exported as text."""
    answers = {
        **EXAMPLE_ANSWERS,
        "critical_paths": [{"name": "=HYPERLINK(1)", "kind": "generative"}],
    }
    assessment = complete_assessment(organisation, answers)
    text = owner_client.get(reverse("report-csv", args=[assessment.code])).content.decode()
    assert "'=HYPERLINK(1)" in text


def test_pdf_export_holds_the_headcounts(owner_client, complete):
    """WeasyPrint renders the same report; its text carries the team."""
    response = owner_client.get(reverse("report-pdf", args=[complete.code]))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Hire 8 AI engineers now" in text
    assert "ML infrastructure" in text and "Churn prediction" in text


def test_what_if_shows_a_new_plan_and_saves_nothing(owner_client, complete):
    """Changing the headcount recomputes through the engine; no row is written."""
    count = Assessment.objects.count()
    data = {
        "headcount": "30",
        "level": "",
        "ml_engineer_annual_cost": "200000",
        "horizon_years": "3",
        **HIRING_PACE,
        "impact_0": "250000",
        "examples_0": "50000",
        "impact_1": "0",
        "examples_1": "0",
    }
    response = owner_client.post(
        reverse("what-if", args=[complete.code]), data, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Growth" in html and "Enterprise" in html
    complete.refresh_from_db()
    assert Assessment.objects.count() == count and complete.plan["stage"] == "enterprise"


def test_what_if_can_be_kept_as_a_new_assessment(owner_client, complete):
    """ "Save as a new assessment" stores the what-if beside the original."""
    data = {
        "headcount": "30",
        "level": "",
        "ml_engineer_annual_cost": "200000",
        "horizon_years": "3",
        **HIRING_PACE,
        "impact_0": "250000",
        "examples_0": "50000",
        "impact_1": "0",
        "examples_1": "0",
        "action": "save",
    }
    response = owner_client.post(reverse("what-if", args=[complete.code]), data)
    new = Assessment.objects.exclude(pk=complete.pk).get()
    assert response["Location"] == reverse("report", args=[new.code])
    assert new.is_complete and new.plan["stage"] == "growth" and new.copied_from == complete


def test_viewers_may_explore_what_if_but_not_save_it(viewer_client, complete):
    """Exploring is reading; saving is writing."""
    data = {
        "headcount": "30",
        "ml_engineer_annual_cost": "200000",
        "horizon_years": "3",
        **HIRING_PACE,
        "impact_0": "1",
        "examples_0": "1",
        "impact_1": "1",
        "examples_1": "1",
    }
    url = reverse("what-if", args=[complete.code])
    assert viewer_client.post(url, data).status_code == 200
    assert viewer_client.post(url, {**data, "action": "save"}).status_code == 403


def test_what_if_rejects_bad_values_by_their_field(owner_client, complete):
    """A headcount of 0 is explained, not computed."""
    response = owner_client.post(
        reverse("what-if", args=[complete.code]),
        {"headcount": "0", "ml_engineer_annual_cost": "x", "horizon_years": "3"},
    )
    assert response.status_code == 200
    assert "Enter a whole number from 1 to 10,000,000." in response.content.decode()


def test_what_if_fields_are_drawn_once_and_never_hide_what_was_typed(
    settings, owner_client, complete
):
    """A finished assessment's what-if fields come from the cache on later views, without
    building the form; a refused what-if shows the value typed, not the cached one."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    url = reverse("report", args=[complete.code])
    first = owner_client.get(url).content.decode()
    with mock.patch("wizard.report.views.WhatIfForm", side_effect=AssertionError("built")):
        second = owner_client.get(url).content.decode()
    fields = re.compile(r'<div class="col-sm-6 col-lg-3">.*?</details>', re.S)
    assert fields.search(first).group(0) == fields.search(second).group(0)
    assert "{#" not in first
    assert 'name="headcount" value="120"' in first
    refused = owner_client.post(
        reverse("what-if", args=[complete.code]),
        {"headcount": "0", "ml_engineer_annual_cost": "200000", "horizon_years": "3"},
    ).content.decode()
    assert 'name="headcount" value="0"' in refused and 'aria-invalid="true"' in refused


def test_compare_marks_what_changed_between_two_assessments(owner_client, organisation):
    """Level, stage, each role's count and each path's verdict, side by side."""
    first = complete_assessment(organisation)
    later = {
        **EXAMPLE_ANSWERS,
        "organisation": {"headcount": 30},
        "critical_paths": [{**EXAMPLE_ANSWERS["critical_paths"][0], "labelled_examples": 10}],
    }
    second = complete_assessment(organisation, later)
    url = reverse("compare", args=[organisation.slug]) + f"?a={second.code}&b={first.code}"
    html = owner_client.get(url).content.decode()
    assert "What changed between two assessments" in html
    assert html.count('class="changed"') >= 3
    assert "Churn prediction</strong>: Custom model → Foundation model" in html
    assert "Support replies</strong>: Foundation model → not assessed" in html


def test_compare_refuses_assessments_of_another_organisation(owner_client, organisation, outsider):
    """Both must belong to the organisation in the URL; otherwise 404."""
    mine = complete_assessment(organisation)
    theirs = complete_assessment(outsider.memberships.get().organisation)
    url = reverse("compare", args=[organisation.slug]) + f"?a={mine.code}&b={theirs.code}"
    assert owner_client.get(url).status_code == 404
    assert (
        owner_client.get(reverse("compare", args=[organisation.slug]) + "?a=x&b=y").status_code
        == 404
    )


def test_the_report_and_its_controls_stay_within_eight_queries(
    settings, owner_client, complete, django_assert_max_num_queries
):
    """Report page with share links, compare choices and what-if: at most 8 queries
    (the cache is in memory here, as Redis would be; see the shared page's test)."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    for _ in range(3):
        complete_assessment(complete.organisation)
    owner_client.post(reverse("share-create", args=[complete.code]), {"expires_in_days": "7"})
    with django_assert_max_num_queries(8):
        assert owner_client.get(reverse("report", args=[complete.code])).status_code == 200
