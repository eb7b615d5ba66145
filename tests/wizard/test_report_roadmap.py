"""The report under rules 2026.2: cost, roadmap, what would change; 2026.1 reports as before."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import complete_assessment
from tests.rules.test_example_plan import EXAMPLE_ANSWERS as FRAMEWORK_EXAMPLE
from wizard.models import Assessment

pytestmark = pytest.mark.django_db

SNAPSHOT_2026_1 = Path(__file__).parents[1] / "rules" / "snapshots" / "plan-2026.1-example.json"


@pytest.fixture
def current(organisation, owner):
    return complete_assessment(organisation, FRAMEWORK_EXAMPLE)


@pytest.fixture
def stored_2026_1(organisation, owner):
    """An assessment finished under rules 2026.1: its snapshot as that version saved it."""
    assessment = complete_assessment(organisation, FRAMEWORK_EXAMPLE)
    assessment.plan = json.loads(SNAPSHOT_2026_1.read_text(encoding="utf-8"))
    assessment.rules_version = "2026.1"
    assessment.save(update_fields=["plan", "rules_version"])
    return assessment


def test_roadmap_csv_has_a_row_per_quarter_with_the_exact_cost(owner_client, current):
    response = owner_client.get(reverse("report-roadmap-csv", args=[current.code]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "-roadmap-" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["quarter"] for row in rows] == ["1", "2"]
    assert rows[0]["roles_opened"] == "1 applied AI engineer and 2 AI engineers"
    assert rows[1]["people_starting"] == "1 applied AI engineer and 2 AI engineers"
    assert [row["cost_per_year"] for row in rows] == ["0.00", "540000.00"]


def test_a_2026_1_report_has_no_roadmap_csv(owner_client, stored_2026_1):
    response = owner_client.get(reverse("report-roadmap-csv", args=[stored_2026_1.code]))
    assert response.status_code == 404


def test_roadmap_csv_is_for_members_only(client, current):
    response = client.get(reverse("report-roadmap-csv", args=[current.code]))
    assert response.status_code in (302, 404)


def test_json_export_carries_the_2026_2_keys(owner_client, current):
    document = json.loads(owner_client.get(reverse("report-json", args=[current.code])).content)
    assert document["rules_version"] == "2026.2"
    plan = document["plan"]
    assert plan["team_cost_per_year"] == 540_000
    assert len(plan["roadmap"]) == 2
    assert plan["sensitivity"]["paths"][0]["at"] == 51_666.67


def _html(client, assessment) -> str:
    response = client.get(reverse("report", args=[assessment.code]))
    assert response.status_code == 200
    return response.content.decode()


def test_headline_says_the_team_its_yearly_cost_and_when_it_is_in_place(owner_client, current):
    html = _html(owner_client, current)
    title = re.search(r'<h1 id="report-title".*?</h1>', html, re.S).group(0)
    assert "Hire 3 AI engineers now" in title
    assert "£540k a year, the whole team in place by quarter 2" in title


def test_roadmap_is_an_svg_a_phone_list_and_a_table(owner_client, current):
    html = _html(owner_client, current)
    section = re.search(r'aria-labelledby="roadmap-heading".*?</section>', html, re.S).group(0)
    assert "<svg" in section and 'role="img"' in section
    assert "style=" not in section and "<script" not in section  # nothing a strict CSP blocks
    assert '<ol class="roadmap-list d-sm-none' in section
    assert (
        '<div class="visually-hidden"><table class="table table-sm align-top roadmap-table">'
        in (section)
    )
    assert "<td>1 applied AI engineer and 2 AI engineers</td>" in section
    assert "£540,000.00" in section or "£540,000" in section  # exact in the table
    assert href_of(html, "Roadmap as CSV") == reverse("report-roadmap-csv", args=[current.code])


def test_what_would_change_lists_f1_to_f3_in_words(owner_client, current):
    html = _html(owner_client, current)
    section = re.search(r'aria-labelledby="changes-heading".*?</section>', html, re.S).group(0)
    assert "What would change this plan" in section
    assert "At 100 people, 40 more than today, the enterprise model applies" in section
    assert "At maturity level 3, one level up" in section
    assert "Churn prediction: below about £52k a year of value" in section


def test_a_foundation_model_rows_net_value_is_what_a_custom_model_would_net(
    owner_client, organisation
):
    answers = {
        **FRAMEWORK_EXAMPLE,
        "critical_paths": [{**FRAMEWORK_EXAMPLE["critical_paths"][0], "annual_impact": 30_000}],
    }
    html = _html(owner_client, complete_assessment(organisation, answers))
    assert html.count("if a custom model were built") == 2  # table row and phone card
    assert '<span class="net-if-built">−£57,777.78' in html


def test_a_2026_1_report_is_as_it_was_with_a_note_and_a_copy_button(owner_client, stored_2026_1):
    html = _html(owner_client, stored_2026_1)
    assert "made with rules 2026.1, before plans showed what the team costs" in html
    copy_url = reverse("assessment-copy", args=[stored_2026_1.code])
    assert html.count(f'action="{copy_url}"') == 2  # the note's button and the usual one
    for absent in (
        "Roadmap by quarter",
        "What would change this plan",
        "if a custom model were built",
        "Roadmap as CSV",
        "Yearly cost, AI engineer",
        "in place by quarter",
    ):
        assert absent not in html
    assert "Hire 3 AI engineers now" in html
    assert "Computed with rules version 2026.1" in html


def test_re_assessing_a_2026_1_report_from_a_copy_gives_a_2026_2_draft(owner_client, stored_2026_1):
    response = owner_client.post(reverse("assessment-copy", args=[stored_2026_1.code]))
    assert response.status_code == 302
    copy = Assessment.objects.exclude(pk=stored_2026_1.pk).get()
    assert not copy.is_complete
    assert copy.answers["assumptions"]["hires_per_quarter"] == 3


def href_of(html: str, text: str) -> str:
    return re.search(rf'href="([^"]+)">{re.escape(text)}</a>', html).group(1)
