"""Rule C1: what the team hired now costs a year.

See docs/rules.md, "Cost (C)".
"""

from __future__ import annotations

from wizard.rules.answers import Assumptions
from wizard.rules.reason_text import And, Count, Money, Reason, phrase, reason
from wizard.rules.team import Role, Team

AI_ROLES: frozenset[Role] = frozenset({"applied_ai_engineer", "ai_engineer"})
INFRA_ROLES: frozenset[Role] = frozenset({"ai_infra_engineer", "ml_infra_engineer"})


def people_cost_per_year(ai: int, ml: int, infra: int, assumptions: Assumptions) -> float:
    """C1 for any group of people; the roadmap uses it for the team started so far.

    One formula for the whole team and for each quarter, so the roadmap's last
    quarter costs exactly `team_cost_per_year`, to the last bit.
    """
    return (
        ai * assumptions.ai_engineer_annual_cost
        + ml * assumptions.ml_engineer_annual_cost
        + infra * assumptions.infra_engineer_annual_cost
    )


def team_cost_per_year(team: Team, assumptions: Assumptions) -> float:
    """C1: applied AI engineers are inside `ai_engineers`; deferred hires are not counted."""
    infra = team.ml_infra_engineers + team.ai_infra_engineers
    return people_cost_per_year(team.ai_engineers, team.ml_engineers, infra, assumptions)


def cost_reason(team: Team, assumptions: Assumptions, has_deferred: bool) -> Reason:
    """Why the team costs what it does, one sum per kind of role."""
    infra = team.ml_infra_engineers + team.ai_infra_engineers
    parts = tuple(
        phrase("cost_each", people=Count(number, noun), cost=Money(cost))
        for number, noun, cost in (
            (team.ai_engineers, "ai_engineer", assumptions.ai_engineer_annual_cost),
            (team.ml_engineers, "ml_engineer", assumptions.ml_engineer_annual_cost),
            (infra, "infrastructure_engineer", assumptions.infra_engineer_annual_cost),
        )
        if number
    )
    total = Money(team_cost_per_year(team, assumptions))
    return reason("C1.deferred" if has_deferred else "C1", total=total, parts=And(parts))
