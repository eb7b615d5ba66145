"""Rules Q1 to Q6: the roadmap of openings, starts and models going live, by quarter."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import given, settings

from wizard.rules import Answers, Assumptions, make_plan, plan_to_dict
from wizard.rules.cost import AI_ROLES, INFRA_ROLES
from wizard.rules.roadmap import quarter_of

from .builders import ENTERPRISE, GROWTH, answers, justified_paths, path
from .strategies import answers as any_answers

AI, APPLIED, ML = "ai_engineer", "applied_ai_engineer", "ml_engineer"
AI_INFRA, ML_INFRA = "ai_infra_engineer", "ml_infra_engineer"
PROPERTIES = settings(max_examples=150, deadline=None)


def quarter(
    number: int,
    open: tuple[str, ...] = (),
    start: tuple[str, ...] = (),
    live: tuple[str, ...] = (),
    *,
    size: int,
    cost: float,
) -> dict[str, Any]:
    return {
        "quarter": number,
        "open": list(open),
        "start": list(start),
        "live": list(live),
        "team_size": size,
        "cost_per_year": cost,
    }


def hiring(months: float = 3, per_quarter: int = 3) -> Assumptions:
    """Round costs so the expected figures are easy to check by hand."""
    return Assumptions(
        ml_engineer_annual_cost=200_000,
        ai_engineer_annual_cost=100_000,
        infra_engineer_annual_cost=150_000,
        months_to_hire=months,
        hires_per_quarter=per_quarter,
    )


CASES = [
    pytest.param(
        answers(GROWTH, 2, (path(),)),
        [
            quarter(1, (APPLIED, AI, AI), size=0, cost=0.0),
            quarter(2, (), (APPLIED, AI, AI), size=3, cost=540_000.0),
        ],
        ("Q1", "Q2", "Q6"),
        id="framework-example",
    ),
    pytest.param(
        answers(GROWTH, 4, justified_paths(1), assumptions=hiring()),
        [
            quarter(1, (APPLIED, AI, AI), size=0, cost=0.0),
            quarter(2, (ML,), (APPLIED, AI, AI), size=3, cost=300_000.0),
            quarter(3, (), (ML,), size=4, cost=500_000.0),
            # Started at month 6, built in 4 months: live at month 10.
            quarter(4, live=("Path 0",), size=4, cost=500_000.0),
        ],
        ("Q1", "Q2", "Q3", "Q5", "Q6"),
        id="ml-waits-for-the-first-ai-start",
    ),
    pytest.param(
        answers(GROWTH, 4, justified_paths(1), assumptions=hiring(months=2, per_quarter=1)),
        [
            quarter(1, (APPLIED,), (APPLIED,), size=1, cost=100_000.0),
            quarter(2, (AI,), (AI,), size=2, cost=200_000.0),
            quarter(3, (AI,), (AI,), size=3, cost=300_000.0),
            # The ML role may open from quarter 1, but 1 to 3 are full.
            quarter(4, (ML,), (ML,), size=4, cost=500_000.0),
            quarter(5, size=4, cost=500_000.0),
            quarter(6, live=("Path 0",), size=4, cost=500_000.0),
        ],
        ("Q1", "Q2", "Q3", "Q5", "Q6"),
        id="one-opening-a-quarter",
    ),
    pytest.param(
        answers(GROWTH, 4, justified_paths(1), assumptions=hiring(months=2.5)),
        [
            quarter(1, (APPLIED, AI, AI), (APPLIED, AI, AI), size=3, cost=300_000.0),
            quarter(2, (ML,), (ML,), size=4, cost=500_000.0),
            quarter(3, size=4, cost=500_000.0),
            quarter(4, live=("Path 0",), size=4, cost=500_000.0),
        ],
        ("Q1", "Q2", "Q3", "Q5", "Q6"),
        id="fractional-months-to-hire",
    ),
    pytest.param(
        answers(ENTERPRISE, 4, justified_paths(3), assumptions=hiring()),
        [
            quarter(1, (APPLIED, AI, AI), size=0, cost=0.0),
            quarter(2, (AI, AI, AI), (APPLIED, AI, AI), size=3, cost=300_000.0),
            quarter(3, (AI, AI, AI), (AI, AI, AI), size=6, cost=600_000.0),
            quarter(4, (ML, ML, ML), (AI, AI, AI), size=9, cost=900_000.0),
            # Infrastructure may open from quarter 4, when the last AI engineer starts.
            quarter(5, (AI_INFRA, ML_INFRA, ML_INFRA), (ML, ML, ML), size=12, cost=1_500_000.0),
            quarter(
                6,
                (),
                (AI_INFRA, ML_INFRA, ML_INFRA),
                ("Path 0", "Path 1", "Path 2"),
                size=15,
                cost=1_950_000.0,
            ),
        ],
        ("Q1", "Q2", "Q3", "Q4", "Q5", "Q6"),
        id="enterprise-with-infrastructure",
    ),
    pytest.param(
        answers(
            ENTERPRISE,
            4,
            (
                path("Slow", annual_impact=900_000, months_to_build=24),
                path("Quick", annual_impact=500_000, months_to_build=2),
            ),
            assumptions=hiring(months=1, per_quarter=10),
        ),
        [
            quarter(
                1,
                (APPLIED, *[AI] * 7, ML, ML),
                (APPLIED, *[AI] * 7, ML, ML),
                size=10,
                cost=1_200_000.0,
            ),
            # Infrastructure may open in quarter 1, when the AI engineers start, but it is full.
            quarter(
                2, (AI_INFRA, ML_INFRA), (AI_INFRA, ML_INFRA), ("Quick",), size=12, cost=1_500_000.0
            ),
            *(quarter(number, size=12, cost=1_500_000.0) for number in range(3, 9)),
            # Quick nets more, so the first ML engineer builds it; Slow is live at month 1 + 24.
            quarter(9, live=("Slow",), size=12, cost=1_500_000.0),
        ],
        ("Q1", "Q2", "Q3", "Q4", "Q5", "Q6"),
        id="paths-go-live-in-their-own-quarters",
    ),
]


@pytest.mark.parametrize(("plan_answers", "expected", "rules"), CASES)
def test_roadmap_quarter_by_quarter(
    plan_answers: Answers, expected: list[dict[str, Any]], rules: tuple[str, ...]
) -> None:
    """Each case's roadmap, worked out by hand from Q1 to Q6."""
    plan = make_plan(plan_answers)
    assert plan_to_dict(plan)["roadmap"] == expected
    assert tuple(rule for rule in plan.rules if rule.startswith("Q")) == rules


def test_deferred_hires_have_no_quarter() -> None:
    """Q6: a deferred ML engineer is on no quarter, and the reasons say why."""
    plan = make_plan(answers(GROWTH, 4, justified_paths(3), assumptions=hiring()))
    assert plan.roadmap is not None
    assert sum(q.open.count("ml_engineer") for q in plan.roadmap) == 1
    assert "Deferred hires are not on it: they wait for their triggers." in " ".join(plan.reasons)


def test_roadmap_reasons_name_the_quarters() -> None:
    plan = make_plan(answers(ENTERPRISE, 4, justified_paths(3), assumptions=hiring()))
    text = " ".join(plan.reasons)
    assert "at most 3 roles a quarter, so the last one opens in quarter 5" in text
    assert "Each person starts 3 months after their role opens" in text
    assert "in place by quarter 6" in text
    assert "ML engineer roles open from quarter 4, once the first AI engineer has started" in text
    assert "Infrastructure roles open from quarter 5" in text
    assert "The custom model for \u2018Path 0\u2019 goes live in quarter 6" in text
    assert "The roadmap covers quarters 1 to 6." in text


@pytest.mark.parametrize(("month", "number"), [(0, 1), (2.99, 1), (3, 2), (5.5, 2), (12, 5)])
def test_quarter_of_a_month(month: float, number: int) -> None:
    """Q2: quarter k holds months 3(k-1) to 3k-1."""
    assert quarter_of(month) == number


# Hypothesis: the roadmap's promises hold for any valid answers.


@PROPERTIES
@given(any_answers(max_paths=12))
def test_every_planned_hire_opens_exactly_once_in_hiring_order(answers: Answers) -> None:
    plan = make_plan(answers)
    assert plan.roadmap is not None
    opened = [role for q in plan.roadmap for role in q.open]
    assert opened == list(plan.hiring_order)
    started = [role for q in plan.roadmap for role in q.start]
    assert sorted(started) == sorted(plan.hiring_order)


@PROPERTIES
@given(any_answers(max_paths=12))
def test_no_quarter_opens_more_than_hires_per_quarter(answers: Answers) -> None:
    plan = make_plan(answers)
    assert plan.roadmap is not None
    assert all(len(q.open) <= answers.assumptions.hires_per_quarter for q in plan.roadmap)
    assert [q.quarter for q in plan.roadmap] == list(range(1, len(plan.roadmap) + 1))


@PROPERTIES
@given(any_answers(max_paths=12))
def test_ml_and_infrastructure_wait_for_the_ai_engineers(answers: Answers) -> None:
    """No ML role before the first AI engineer starts; no infra before the last one starts."""
    plan = make_plan(answers)
    assert plan.roadmap is not None
    ai_starts = [q.quarter for q in plan.roadmap for role in q.start if role in AI_ROLES]
    for q in plan.roadmap:
        if "ml_engineer" in q.open:
            assert q.quarter >= min(ai_starts)
        if any(role in INFRA_ROLES for role in q.open):
            assert q.quarter >= max(ai_starts)


@PROPERTIES
@given(any_answers(max_paths=12))
def test_team_grows_to_the_whole_team_at_its_yearly_cost(answers: Answers) -> None:
    """team_size never falls; the last quarter has everyone, at team_cost_per_year."""
    plan = make_plan(answers)
    assert plan.roadmap is not None
    sizes = [q.team_size for q in plan.roadmap]
    assert sizes == sorted(sizes)
    costs = [q.cost_per_year for q in plan.roadmap]
    assert costs == sorted(costs)
    last = plan.roadmap[-1]
    assert last.team_size == len(plan.hiring_order)
    assert last.cost_per_year == plan.team_cost_per_year
    payload = plan_to_dict(plan)
    assert payload["roadmap"][-1]["cost_per_year"] == payload["team_cost_per_year"]


@PROPERTIES
@given(any_answers(max_paths=12))
def test_each_staffed_path_goes_live_once_after_its_engineer_starts(answers: Answers) -> None:
    plan = make_plan(answers)
    assert plan.roadmap is not None
    live = [name for q in plan.roadmap for name in q.live]
    assert len(live) == plan.team.ml_engineers
    assert len(set(live)) == len(live)
    ml_start = min((q.quarter for q in plan.roadmap if "ml_engineer" in q.start), default=None)
    for q in plan.roadmap:
        if q.live:
            assert ml_start is not None and q.quarter >= ml_start
    # The roadmap ends with the last thing that happens.
    last = plan.roadmap[-1]
    assert last.open or last.start or last.live


def test_the_team_is_in_place_by_its_last_start() -> None:
    """The headline's "in place by quarter N": the last quarter in which someone starts."""
    plan = make_plan(answers(GROWTH, 4, justified_paths(1), assumptions=hiring()))
    assert plan.in_place_quarter == 3  # the model goes live later, in quarter 4
    assert dataclasses.replace(plan, roadmap=None).in_place_quarter is None
