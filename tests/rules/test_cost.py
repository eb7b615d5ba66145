"""Rule C1: the yearly cost of the team hired now."""

from __future__ import annotations

import pytest

from wizard.rules import Assumptions, Team, make_plan
from wizard.rules.cost import team_cost_per_year

from .builders import ENTERPRISE, GROWTH, answers, justified_paths, path

COSTS = Assumptions(
    ml_engineer_annual_cost=200_000,
    ai_engineer_annual_cost=150_000,
    infra_engineer_annual_cost=170_000,
)


@pytest.mark.parametrize(
    ("team", "cost"),
    [
        pytest.param(Team(1, 1, 0, 0, 0), 150_000, id="one-applied-ai-engineer"),
        pytest.param(Team(3, 1, 0, 0, 0), 450_000, id="applied-counted-inside-ai"),
        pytest.param(Team(3, 0, 1, 0, 0), 650_000, id="ai-and-ml"),
        pytest.param(Team(9, 1, 3, 2, 1), 9 * 150_000 + 3 * 200_000 + 3 * 170_000, id="all"),
        pytest.param(Team(12, 1, 3, 2, 2), 12 * 150_000 + 600_000 + 4 * 170_000, id="top"),
    ],
)
def test_team_cost_is_each_role_count_times_its_cost(team: Team, cost: float) -> None:
    """C1 sums AI, ML and both kinds of infrastructure engineers at their own costs."""
    assert team_cost_per_year(team, COSTS) == cost


def test_framework_example_costs_540k() -> None:
    """The worked example: 3 AI engineers at the default 180,000."""
    plan = make_plan(answers(GROWTH, paths=(path(),), level=2))
    assert plan.team_cost_per_year == 540_000
    assert "C1" in plan.rules


def test_deferred_hires_are_not_counted() -> None:
    """Justified paths beyond the ML cap wait and cost nothing yet."""
    plan = make_plan(answers(GROWTH, 4, justified_paths(3), assumptions=COSTS))
    assert plan.team.ml_engineers == 1
    assert len(plan.deferred) == 2
    assert plan.team_cost_per_year == 3 * 150_000 + 200_000
    cost_reason = next(reason for reason in plan.reasons if reason.startswith("The team hired"))
    assert cost_reason == (
        "The team hired now costs 650,000 a year: 3 AI engineers at 150,000 and "
        "1 ML engineer at 200,000 a year each. "
        "Deferred hires are not counted until their triggers are met."
    )


def test_enterprise_cost_reason_names_infrastructure() -> None:
    plan = make_plan(answers(ENTERPRISE, 4, justified_paths(3), assumptions=COSTS))
    reason = next(reason for reason in plan.reasons if reason.startswith("The team hired"))
    assert "3 infrastructure engineers at 170,000" in reason
    assert plan.team_cost_per_year == 9 * 150_000 + 3 * 200_000 + 3 * 170_000
