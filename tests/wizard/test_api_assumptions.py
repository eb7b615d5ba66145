"""POST /api/plan and the assumptions of rules 2026.2: accepted, used, and a 400 at the field."""

from __future__ import annotations

import copy
import json

import pytest

from wizard.api_docs import EXAMPLE_ANSWERS

URL = "/api/plan"


def _post(client, body: dict[str, object]):
    return client.generic("POST", URL, json.dumps(body), content_type="application/json")


def _with(field: str, value: object) -> dict[str, object]:
    body = copy.deepcopy(EXAMPLE_ANSWERS)
    body.setdefault("assumptions", {})[field] = value  # type: ignore[union-attr]
    return body


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("ai_engineer_annual_cost", 0, "greater than 0 and at most 1,000,000,000"),
        ("ai_engineer_annual_cost", "180k", "not text"),
        ("infra_engineer_annual_cost", -1, "greater than 0 and at most 1,000,000,000"),
        ("infra_engineer_annual_cost", 10**10, "greater than 0 and at most 1,000,000,000"),
        ("months_to_hire", 0, "a number from 1 to 12"),
        ("months_to_hire", 13, "a number from 1 to 12"),
        ("months_to_hire", None, "not null"),
        ("hires_per_quarter", 0, "a whole number from 1 to 100"),
        ("hires_per_quarter", 1.5, "not a fraction"),
        ("hires_per_quarter", True, "not true or false"),
    ],
)
def test_a_bad_new_assumption_gets_400_naming_it(client, field, value, expected):
    """Each new assumption is checked by the engine and reported under its own path."""
    response = _post(client, _with(field, value))
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert list(errors) == [f"assumptions.{field}"]
    assert expected in errors[f"assumptions.{field}"][0]


def test_nan_in_a_new_assumption_gets_400_naming_it(client):
    body = json.dumps(_with("ai_engineer_annual_cost", 1)).replace(
        '"ai_engineer_annual_cost": 1', '"ai_engineer_annual_cost": NaN'
    )
    response = client.generic("POST", URL, body, content_type="application/json")
    assert response.status_code == 400
    assert "assumptions.ai_engineer_annual_cost" in response.json()["errors"]


def test_the_new_assumptions_change_cost_and_roadmap(client):
    """The answers' costs and hiring pace reach the plan's cost and roadmap."""
    body = copy.deepcopy(EXAMPLE_ANSWERS)
    body["assumptions"] = {
        "ai_engineer_annual_cost": 100_000,
        "months_to_hire": 6,
        "hires_per_quarter": 1,
    }
    plan = _post(client, body).json()
    assert plan["rules_version"] == "2026.2"
    assert plan["team_cost_per_year"] == 300_000
    assert [quarter["open"] for quarter in plan["roadmap"][:3]] == [
        ["applied_ai_engineer"],
        ["ai_engineer"],
        ["ai_engineer"],
    ]
    # The last role opens at month 6 and its person starts 6 months later, in quarter 5.
    assert plan["roadmap"][-1]["quarter"] == 5
    assert plan["roadmap"][-1]["cost_per_year"] == 300_000
    assert "sensitivity" in plan


def test_the_api_docs_page_lists_the_new_assumptions_and_keys(client):
    html = client.get("/api/").content.decode()
    for field in (
        "assumptions.ai_engineer_annual_cost",
        "assumptions.infra_engineer_annual_cost",
        "assumptions.months_to_hire",
        "assumptions.hires_per_quarter",
    ):
        assert f"<code>{field}</code>" in html
    assert "180,000" in html and "190,000" in html
    assert "<code>team_cost_per_year</code>" in html and "<code>roadmap</code>" in html
    assert "&quot;sensitivity&quot;" in html  # in the example response
