"""Rule C1: what the team hired now costs a year.

See docs/rules.md, "Cost (C)".
"""

from __future__ import annotations

from wizard.rules.answers import Assumptions
from wizard.rules.money import format_money
from wizard.rules.team import Role, Team
from wizard.rules.wording import count, listing

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


def cost_reason(team: Team, assumptions: Assumptions, has_deferred: bool) -> str:
    """Why the team costs what it does, one sum per kind of role."""
    infra = team.ml_infra_engineers + team.ai_infra_engineers
    parts = [
        f"{count(number, noun)} at {format_money(cost)}"
        for number, noun, cost in (
            (team.ai_engineers, "AI engineer", assumptions.ai_engineer_annual_cost),
            (team.ml_engineers, "ML engineer", assumptions.ml_engineer_annual_cost),
            (infra, "infrastructure engineer", assumptions.infra_engineer_annual_cost),
        )
        if number
    ]
    total = format_money(team_cost_per_year(team, assumptions))
    reason = f"The team hired now costs {total} a year: {listing(parts)} a year each."
    if has_deferred:
        reason += " Deferred hires are not counted until their triggers are met."
    return reason
