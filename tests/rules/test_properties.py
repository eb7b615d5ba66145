"""Invariants of the framework that hold for any valid answers (Hypothesis)."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.rules import (
    Answers,
    answers_to_dict,
    make_plan,
    plan_to_dict,
    validate_answers,
)
from wizard.rules.team import AI_BANDS

from .strategies import answers, raw_answers

PROPERTY_SETTINGS = settings(max_examples=300, deadline=None)


@PROPERTY_SETTINGS
@given(answers())
def test_team_invariants_hold_for_any_answers(answers: Answers) -> None:
    """At least 3 AI per ML, no ML at startup or below level 3, infra only at scale."""
    plan = make_plan(answers)
    team = plan.team
    low, high = AI_BANDS[plan.stage]
    assert team.ai_engineers >= 3 * team.ml_engineers
    assert low <= team.ai_engineers <= high
    if plan.stage == "startup" or plan.maturity.level < 3:
        assert team.ml_engineers == 0
    if plan.stage != "enterprise" or plan.maturity.level < 3:
        assert team.ai_infra_engineers == team.ml_infra_engineers == 0
    assert team.applied_ai_engineers in (0, 1)
    justified = sum(path.verdict == "custom_ml" for path in plan.paths)
    assert team.ml_engineers + len(plan.deferred) == justified


@PROPERTY_SETTINGS
@given(answers())
def test_hiring_order_matches_the_team_and_runs_ai_then_ml_then_infra(answers: Answers) -> None:
    """Each role appears as often as the team counts it, in the order AI, ML, infra."""
    plan = make_plan(answers)
    team, order = plan.team, plan.hiring_order
    assert order.count("applied_ai_engineer") == team.applied_ai_engineers
    assert order.count("ai_engineer") == team.ai_engineers - team.applied_ai_engineers
    assert order.count("ml_engineer") == team.ml_engineers
    assert order.count("ai_infra_engineer") == team.ai_infra_engineers
    assert order.count("ml_infra_engineer") == team.ml_infra_engineers
    rank = {
        "applied_ai_engineer": 0,
        "ai_engineer": 1,
        "ml_engineer": 2,
        "ai_infra_engineer": 3,
        "ml_infra_engineer": 4,
    }
    assert [rank[role] for role in order] == sorted(rank[role] for role in order)


def _raise_field(answers: Answers, index: int, field: str, new_value: Any) -> Answers:
    paths = list(answers.critical_paths)
    changes: dict[str, Any] = {field: new_value}
    paths[index] = dataclasses.replace(paths[index], **changes)
    return dataclasses.replace(answers, critical_paths=tuple(paths))


@PROPERTY_SETTINGS
@given(answers().filter(lambda a: a.critical_paths), st.data())
def test_more_annual_impact_never_undoes_a_custom_ml_verdict(
    answers: Answers, data: st.DataObject
) -> None:
    """Raising a custom-ML path's annual impact keeps it custom ML."""
    index = data.draw(st.integers(0, len(answers.critical_paths) - 1))
    before = make_plan(answers).paths[index].verdict
    current = answers.critical_paths[index].annual_impact
    higher = data.draw(st.floats(current, 10**12, allow_nan=False))
    after = make_plan(_raise_field(answers, index, "annual_impact", higher)).paths[index].verdict
    if before == "custom_ml":
        assert after == "custom_ml"


@PROPERTY_SETTINGS
@given(answers().filter(lambda a: a.critical_paths), st.data())
def test_more_labelled_examples_never_turns_custom_ml_into_gather_data(
    answers: Answers, data: st.DataObject
) -> None:
    """Raising a path's labelled examples never sends a custom-ML path back to gathering."""
    index = data.draw(st.integers(0, len(answers.critical_paths) - 1))
    before = make_plan(answers).paths[index].verdict
    current = answers.critical_paths[index].labelled_examples
    higher = data.draw(st.integers(current, 10**12))
    after = make_plan(_raise_field(answers, index, "labelled_examples", higher))
    if before == "custom_ml":
        assert after.paths[index].verdict == "custom_ml"


@PROPERTY_SETTINGS
@given(raw_answers())
def test_canonical_answers_round_trip_through_validation(raw: dict[str, object]) -> None:
    """answers_to_dict gives JSON that validates back to the same answers."""
    answers = validate_answers(raw)
    canonical = answers_to_dict(answers)
    assert validate_answers(canonical) == answers
    assert validate_answers(json.loads(json.dumps(canonical, allow_nan=False))) == answers
    assert answers_to_dict(validate_answers(canonical)) == canonical


@PROPERTY_SETTINGS
@given(answers())
def test_plan_dict_is_strict_json_and_lists_rules_once_in_order(answers: Answers) -> None:
    """plan_to_dict output dumps with allow_nan=False and survives a round trip."""
    payload = plan_to_dict(make_plan(answers))
    assert json.loads(json.dumps(payload, allow_nan=False)) == payload
    order = [
        *("M1", "M2", "S1", "V1", "V2", "V3", "V4", "T1", "T2", "T3", "T4", "T5", "T6"),
        *("C1", "Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "F1", "F2", "F3"),
    ]
    assert payload["rules"] == sorted(set(payload["rules"]), key=order.index)
    assert {"M1", "S1", "T1", "T2", "T6", "C1", "Q1", "Q2", "Q6", "F1"} <= set(payload["rules"])
    assert all(reason for path in payload["paths"] for reason in path["reasons"])


@PROPERTY_SETTINGS
@given(answers())
def test_make_plan_is_a_pure_function(answers: Answers) -> None:
    """The same answers always give an equal plan."""
    assert make_plan(answers) == make_plan(answers)
