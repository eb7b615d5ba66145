"""The worked example of docs/rules.md, end to end through the public API."""

from __future__ import annotations

import json
from typing import Any

from wizard.rules import RULES_VERSION, make_plan, plan_to_dict, validate_answers

EXAMPLE_ANSWERS: dict[str, Any] = {
    "organisation": {"headcount": 60},
    "maturity": {
        "working_pilots": 2,
        "systems_in_production": 0,
        "optimising_at_scale": False,
        "declared_level": None,
    },
    "critical_paths": [
        {
            "name": "Churn prediction",
            "kind": "predictive",
            "annual_impact": 250000,
            "labelled_examples": 50000,
            "months_to_build": 4,
            "maintenance": "medium",
            "foundation_model_adequate": "partly",
            "needs_explainability": False,
        }
    ],
    "priorities": {"ship_quickly": True, "integrate_existing_systems": True},
    "assumptions": {"ml_engineer_annual_cost": 200000, "horizon_years": 3},
}

EXAMPLE_PLAN: dict[str, Any] = {
    "rules_version": "2026.2",
    "maturity": {"level": 2, "computed_level": 2, "declared_level": None, "name": "Pilot"},
    "stage": "growth",
    "paths": [
        {
            "name": "Churn prediction",
            "verdict": "custom_ml",
            "build_cost": 66666.67,
            "yearly_maintenance": 26666.67,
            "net_value": 528888.89,
            "break_even_annual_impact": 51666.67,
            "rules": ["V4"],
        }
    ],
    "team": {
        "ai_engineers": 3,
        "applied_ai_engineers": 1,
        "ml_engineers": 0,
        "ml_infra_engineers": 0,
        "ai_infra_engineers": 0,
    },
    "deferred": [
        {"role": "ml_engineer", "path": "Churn prediction", "trigger": "reach production (level 3)"}
    ],
    "hiring_order": ["applied_ai_engineer", "ai_engineer", "ai_engineer"],
    "decision_tree": {"D1": True, "D2": True, "D3": False, "D4": True},
    "rules": [
        "M1",
        "S1",
        "V4",
        "T1",
        "T2",
        "T4",
        "T5",
        "T6",
        "C1",
        "Q1",
        "Q2",
        "Q6",
        "F1",
        "F2",
        "F3",
    ],
    "team_cost_per_year": 540000.0,
    "roadmap": [
        {
            "quarter": 1,
            "open": ["applied_ai_engineer", "ai_engineer", "ai_engineer"],
            "start": [],
            "live": [],
            "team_size": 0,
            "cost_per_year": 0.0,
        },
        {
            "quarter": 2,
            "open": [],
            "start": ["applied_ai_engineer", "ai_engineer", "ai_engineer"],
            "live": [],
            "team_size": 3,
            "cost_per_year": 540000.0,
        },
    ],
    "sensitivity": {
        "plan": [
            {
                "change": "headcount",
                "to": 100,
                "team": {
                    "ai_engineers": 8,
                    "applied_ai_engineers": 1,
                    "ml_engineers": 0,
                    "ml_infra_engineers": 0,
                    "ai_infra_engineers": 0,
                },
            },
            {
                "change": "headcount",
                "to": 19,
                "team": {
                    "ai_engineers": 1,
                    "applied_ai_engineers": 1,
                    "ml_engineers": 0,
                    "ml_infra_engineers": 0,
                    "ai_infra_engineers": 0,
                },
            },
            {
                "change": "declared_level",
                "to": 3,
                "team": {
                    "ai_engineers": 3,
                    "applied_ai_engineers": 1,
                    "ml_engineers": 1,
                    "ml_infra_engineers": 0,
                    "ai_infra_engineers": 0,
                },
                "deferred": [],
            },
        ],
        "paths": [
            {
                "name": "Churn prediction",
                "field": "annual_impact",
                "at": 51666.67,
                "verdict": "foundation_model",
            }
        ],
    },
}


REASON_KEYS = {"reasons", "reason_codes"}


def without_reasons(payload: dict[str, Any]) -> dict[str, Any]:
    paths = [
        {key: value for key, value in p.items() if key not in REASON_KEYS} for p in payload["paths"]
    ]
    return {
        **{key: value for key, value in payload.items() if key not in REASON_KEYS},
        "paths": paths,
    }


def test_framework_example_gives_the_example_plan() -> None:
    """The example answers of docs/rules.md give exactly its example plan, reasons aside."""
    payload = plan_to_dict(make_plan(validate_answers(EXAMPLE_ANSWERS)))
    assert without_reasons(payload) == EXAMPLE_PLAN
    assert payload["rules_version"] == RULES_VERSION


def test_plan_keys_are_the_contract_keys_in_order() -> None:
    """plan_to_dict gives the contract's keys and no others."""
    payload = plan_to_dict(make_plan(validate_answers(EXAMPLE_ANSWERS)))
    head = list(EXAMPLE_PLAN)[: list(EXAMPLE_PLAN).index("rules") + 1]
    tail = ["team_cost_per_year", "roadmap", "sensitivity", "reason_codes"]
    assert list(payload) == [*head, "reasons", *tail]
    assert list(payload["paths"][0]) == [*EXAMPLE_PLAN["paths"][0], "reasons", "reason_codes"]


def test_example_reasons_are_sentences_naming_the_numbers() -> None:
    """Reasons are non-empty sentences that quote the figures, formatted for people."""
    payload = plan_to_dict(make_plan(validate_answers(EXAMPLE_ANSWERS)))
    for reasons in (payload["reasons"], payload["paths"][0]["reasons"]):
        assert reasons
        assert all(isinstance(reason, str) and reason.endswith(".") for reason in reasons)
    path_text = " ".join(payload["paths"][0]["reasons"])
    assert "50,000 labelled examples" in path_text
    assert "528,888.89" in path_text
    assert "2.67 years in use" in path_text
    plan_text = " ".join(payload["reasons"])
    assert "level 2 (Pilot)" in plan_text
    assert "60 people" in plan_text
    assert "Reaching production (level 3)" in plan_text
    assert "costs 540,000 a year" in plan_text
    assert "in place by quarter 2" in plan_text
    assert "At 100 people, 40 more than today, the enterprise stage applies" in plan_text
    assert "below an annual impact of 51,666.67, a foundation model" in plan_text


def test_example_plan_is_json_without_nan() -> None:
    """The serialised plan survives a strict JSON round trip unchanged."""
    payload = plan_to_dict(make_plan(validate_answers(EXAMPLE_ANSWERS)))
    assert json.loads(json.dumps(payload, allow_nan=False)) == payload
