"""The report under rules 2026.2: cost, roadmap, what would change; 2026.1 reports as before."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import complete_assessment
from tests.rules.test_example_plan import EXAMPLE_ANSWERS as FRAMEWORK_EXAMPLE

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
