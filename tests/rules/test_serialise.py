"""A stored plan comes back as the engine's `Plan` (`plan_from_dict`), for every rules version."""

from __future__ import annotations

import copy
import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.rules import (
    Answers,
    PathFlip,
    Plan,
    PlanChange,
    RoadmapQuarter,
    Sensitivity,
    Team,
    make_plan,
    plan_from_dict,
    plan_to_dict,
)
from wizard.rules.economics import VERDICTS
from wizard.rules.team import DeferredHire

from .strategies import answers

SNAPSHOTS = Path(__file__).parent / "snapshots"
STORED_2026_1 = sorted(SNAPSHOTS.glob("plan-2026.1-*.json"))
KEYS_2026_2 = ("team_cost_per_year", "roadmap", "sensitivity")
NEW_RULES = ("C1", "Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "F1", "F2", "F3")
ROUND_TRIP = settings(max_examples=100, deadline=None)


def as_2026_1(payload: dict[str, Any]) -> dict[str, Any]:
    """A plan dict as a 2026.1 snapshot holds it: no 2026.2 keys or rule ids."""
    old = {key: value for key, value in payload.items() if key not in KEYS_2026_2}
    old["rules"] = [rule for rule in payload["rules"] if rule not in NEW_RULES]
    old["rules_version"] = "2026.1"
    return old


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


money = st.one_of(
    st.integers(0, 10**9).map(float),
    st.floats(0, 10**12, allow_nan=False, allow_infinity=False),
)
roles = st.sampled_from(
    ("applied_ai_engineer", "ai_engineer", "ml_engineer", "ai_infra_engineer", "ml_infra_engineer")
)
teams = st.builds(
    Team,
    ai_engineers=st.integers(0, 12),
    applied_ai_engineers=st.integers(0, 1),
    ml_engineers=st.integers(0, 3),
    ml_infra_engineers=st.integers(0, 2),
    ai_infra_engineers=st.integers(0, 2),
)
deferred = st.lists(
    st.builds(DeferredHire, st.just("ml_engineer"), st.text(max_size=20), st.text(max_size=30)),
    max_size=3,
).map(tuple)
quarters = st.builds(
    RoadmapQuarter,
    quarter=st.integers(1, 40),
    open=st.lists(roles, max_size=4).map(tuple),
    start=st.lists(roles, max_size=4).map(tuple),
    live=st.lists(st.text(max_size=20), max_size=3).map(tuple),
    team_size=st.integers(0, 30),
    cost_per_year=money,
)
changes = st.one_of(
    st.builds(
        PlanChange, st.just("headcount"), st.sampled_from((19, 20, 99, 100)), teams, st.none()
    ),
    st.builds(PlanChange, st.just("declared_level"), st.integers(2, 4), teams, deferred),
)
flips = st.one_of(
    st.builds(
        PathFlip,
        st.text(max_size=20),
        st.just("labelled_examples"),
        st.just(10_000.0),
        st.sampled_from(VERDICTS),
    ),
    st.builds(
        PathFlip, st.text(max_size=20), st.just("annual_impact"), money, st.sampled_from(VERDICTS)
    ),
)
sensitivities = st.builds(
    Sensitivity, st.lists(changes, max_size=3).map(tuple), st.lists(flips, max_size=5).map(tuple)
)


@st.composite
def plans_2026_2(draw: st.DrawFn) -> Plan:
    """Any plan with the 2026.2 parts filled in, whatever the engine puts there."""
    plan = make_plan(draw(answers()))
    return dataclasses.replace(
        plan,
        team_cost_per_year=draw(money),
        roadmap=tuple(draw(st.lists(quarters, max_size=6))),
        sensitivity=draw(sensitivities),
    )


@ROUND_TRIP
@given(answers())
def test_round_trip_of_any_plan(answers: Answers) -> None:
    """plan_to_dict(plan_from_dict(d)) == d for the dict of any plan the engine makes."""
    payload = plan_to_dict(make_plan(answers))
    assert plan_to_dict(plan_from_dict(payload)) == payload


@ROUND_TRIP
@given(plans_2026_2())
def test_round_trip_of_plans_with_cost_roadmap_and_sensitivity(plan: Plan) -> None:
    """The 2026.2 keys survive the round trip, money at its stored rounding."""
    payload = plan_to_dict(plan)
    assert set(KEYS_2026_2) <= set(payload)
    back = plan_from_dict(payload)
    assert plan_to_dict(back) == payload
    assert back.roadmap is not None and plan.roadmap is not None
    assert [q.open for q in back.roadmap] == [q.open for q in plan.roadmap]
    assert back.sensitivity is not None and plan.sensitivity is not None
    assert [c.deferred is None for c in back.sensitivity.plan] == [
        c.deferred is None for c in plan.sensitivity.plan
    ]


@ROUND_TRIP
@given(answers())
def test_round_trip_of_2026_1_dicts(answers: Answers) -> None:
    """A 2026.1 snapshot reads back without 2026.2 fields and writes back key for key."""
    old = as_2026_1(plan_to_dict(make_plan(answers)))
    back = plan_from_dict(old)
    assert (back.team_cost_per_year, back.roadmap, back.sensitivity) == (None, None, None)
    assert back.rules_version == "2026.1"
    again = plan_to_dict(back)
    assert again == old
    assert list(again) == list(old)


@pytest.mark.parametrize("snapshot", STORED_2026_1, ids=lambda path: path.stem)
def test_stored_2026_1_snapshots_read_back_exactly(snapshot: Path) -> None:
    """Snapshots saved by rules 2026.1 come back as the same plan, key for key."""
    stored = load(snapshot)
    plan = plan_from_dict(stored)
    assert plan.rules_version == "2026.1"
    assert plan.team_cost_per_year is None and plan.roadmap is None and plan.sensitivity is None
    assert plan_to_dict(plan) == stored
    assert list(plan_to_dict(plan)) == list(stored)


def test_stored_snapshots_exist() -> None:
    """The parametrised test above has snapshots to read (a glob could silently match none)."""
    assert len(STORED_2026_1) >= 2


def test_read_back_plan_has_typed_parts() -> None:
    """The typed parts the web layer reads: maturity, team, deferred, decision tree, money."""
    plan = plan_from_dict(load(SNAPSHOTS / "plan-2026.1-enterprise.json"))
    assert plan.maturity.level == 4
    assert plan.maturity.computed_level == 3
    assert plan.maturity.disagreement
    assert plan.maturity.rules == ("M1", "M2")
    assert len(plan.maturity.reasons) == 2
    assert plan.maturity.reasons == plan.reasons[:2]
    assert plan.stage == "enterprise"
    assert plan.team.ml_engineers == 3
    assert plan.deferred == (
        DeferredHire("ml_engineer", "Claims triage", "queue behind higher-value paths"),
    )
    assert plan.decision_tree.then_ml_engineer
    assert plan.hiring_order[0] == "applied_ai_engineer"
    first = plan.paths[0]
    assert first.name == "Fraud scoring"
    assert first.economics.build_cost == 105_000.0


def test_years_in_use_is_solved_from_the_stored_figures() -> None:
    """years_in_use is not stored; it comes back from break-even, near the engine's value."""
    example = plan_from_dict(load(SNAPSHOTS / "plan-2026.1-example.json"))
    assert example.paths[0].economics.years_in_use == pytest.approx(3 - 4 / 12, rel=1e-6)


def test_years_in_use_is_zero_when_break_even_is_null() -> None:
    stored = load(SNAPSHOTS / "plan-2026.1-example.json")
    stored["paths"][0]["break_even_annual_impact"] = None
    assert plan_from_dict(stored).paths[0].economics.years_in_use == 0.0


def test_reading_does_not_change_the_stored_dict() -> None:
    stored = load(SNAPSHOTS / "plan-2026.1-enterprise.json")
    before = copy.deepcopy(stored)
    plan_from_dict(stored)
    assert stored == before


def test_path_flip_on_examples_is_written_as_a_whole_number() -> None:
    """F3 at 10,000 examples is a count in the JSON, not money."""
    plan = dataclasses.replace(
        plan_from_dict(load(SNAPSHOTS / "plan-2026.1-example.json")),
        sensitivity=Sensitivity(
            (), (PathFlip("Churn prediction", "labelled_examples", 10_000, "custom_ml"),)
        ),
    )
    entry = plan_to_dict(plan)["sensitivity"]["paths"][0]
    assert entry == {
        "name": "Churn prediction",
        "field": "labelled_examples",
        "at": 10_000,
        "verdict": "custom_ml",
    }
    assert isinstance(entry["at"], int)


def test_not_a_plan_raises() -> None:
    with pytest.raises(KeyError):
        plan_from_dict({"rules_version": "2026.1"})
