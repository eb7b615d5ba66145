"""Rules Q1 to Q6: the quarter in which each role opens, each person starts, each model goes live.

See docs/rules.md, "Roadmap (Q)".
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from wizard.rules.answers import Assumptions, CriticalPath
from wizard.rules.cost import AI_ROLES, INFRA_ROLES, people_cost_per_year
from wizard.rules.reason_text import Count, Name, Reason, reason
from wizard.rules.team import Role


@dataclass(frozen=True, slots=True)
class RoadmapQuarter:
    """One quarter of the roadmap: what opens, who starts, what goes live (Q6).

    `team_size` counts the people started by the end of the quarter and
    `cost_per_year` is what they cost a year (C1), unrounded in a live plan.
    """

    quarter: int
    open: tuple[Role, ...]
    start: tuple[Role, ...]
    live: tuple[str, ...]
    team_size: int
    cost_per_year: float


@dataclass(frozen=True, slots=True)
class _Opening:
    role: Role
    open_quarter: int
    start_month: float
    start_quarter: int


def quarter_of(month: float) -> int:
    """The quarter that holds a month counted from the plan (month 0 is in quarter 1)."""
    return math.floor(month / 3) + 1


def _open_roles(hiring_order: Sequence[Role], assumptions: Assumptions) -> list[_Opening]:
    """Q1 to Q4: each role in the earliest quarter with room that its rule allows.

    T6 puts every AI role before the others, and everyone starts the same time
    after opening, so once the AI roles are open the first and last AI
    engineers to start are known.
    """
    openings: list[_Opening] = []
    per_quarter: Counter[int] = Counter()
    first_ai_start = last_ai_start = 1
    for role in hiring_order:
        if role == "ml_engineer":
            quarter = first_ai_start
        elif role in INFRA_ROLES:
            quarter = last_ai_start
        else:
            quarter = 1
        while per_quarter[quarter] >= assumptions.hires_per_quarter:
            quarter += 1
        per_quarter[quarter] += 1
        start = 3 * (quarter - 1) + assumptions.months_to_hire
        opening = _Opening(role, quarter, start, quarter_of(start))
        if role in AI_ROLES:
            if not any(earlier.role in AI_ROLES for earlier in openings):
                first_ai_start = opening.start_quarter
            last_ai_start = max(last_ai_start, opening.start_quarter)
        openings.append(opening)
    return openings


@dataclass(frozen=True, slots=True)
class Roadmap:
    """The quarters (Q6), and what the reasons say about them."""

    quarters: tuple[RoadmapQuarter, ...]
    in_place_quarter: int  # the quarter by whose end everyone hired now has started
    last_open_quarter: int
    ml_from_quarter: int | None
    infra_from_quarter: int | None
    live: tuple[tuple[str, float, int], ...]  # path name, months to build, quarter live
    rules: tuple[str, ...]


def plan_roadmap(
    hiring_order: Sequence[Role],
    staffed: Sequence[CriticalPath],
    assumptions: Assumptions,
) -> Roadmap:
    """Q1 to Q6 for the roles in `hiring_order`; `staffed` are T5's paths staffed now, ranked."""
    openings = _open_roles(hiring_order, assumptions)
    ml_starts = [opening.start_month for opening in openings if opening.role == "ml_engineer"]
    # Q5: the i-th ML engineer builds the i-th staffed path.
    live = tuple(
        (path.name, path.months_to_build, quarter_of(start + path.months_to_build))
        for path, start in zip(staffed, ml_starts, strict=False)
    )
    opened: dict[int, list[Role]] = defaultdict(list)
    started: dict[int, list[Role]] = defaultdict(list)
    for opening in openings:
        opened[opening.open_quarter].append(opening.role)
        started[opening.start_quarter].append(opening.role)
    going_live: dict[int, list[str]] = defaultdict(list)
    for name, _, quarter in live:
        going_live[quarter].append(name)
    last = max([*started, *going_live], default=0)
    quarters = []
    ai = ml = infra = 0
    for number in range(1, last + 1):
        starting = started.get(number, [])
        for role in starting:
            if role in AI_ROLES:
                ai += 1
            elif role in INFRA_ROLES:
                infra += 1
            else:
                ml += 1
        quarters.append(
            RoadmapQuarter(
                quarter=number,
                open=tuple(opened.get(number, ())),
                start=tuple(starting),
                live=tuple(going_live.get(number, ())),
                team_size=ai + ml + infra,
                cost_per_year=people_cost_per_year(ai, ml, infra, assumptions),
            )
        )
    ml_open = [opening.open_quarter for opening in openings if opening.role == "ml_engineer"]
    infra_open = [opening.open_quarter for opening in openings if opening.role in INFRA_ROLES]
    rules = ["Q1", "Q2"]
    if ml_open:
        rules.append("Q3")
    if infra_open:
        rules.append("Q4")
    if live:
        rules.append("Q5")
    rules.append("Q6")
    return Roadmap(
        quarters=tuple(quarters),
        in_place_quarter=max((opening.start_quarter for opening in openings), default=0),
        last_open_quarter=max((opening.open_quarter for opening in openings), default=0),
        ml_from_quarter=min(ml_open, default=None),
        infra_from_quarter=min(infra_open, default=None),
        live=live,
        rules=tuple(rules) if openings else (),
    )


def roadmap_reasons(roadmap: Roadmap, assumptions: Assumptions, has_deferred: bool) -> list[Reason]:
    """One reason for each Q rule that applied, naming its quarters."""
    if not roadmap.rules:
        return []
    reasons = [
        reason(
            "Q1",
            per_quarter=Count(assumptions.hires_per_quarter, "role"),
            quarter=roadmap.last_open_quarter,
        ),
        reason(
            "Q2",
            months=Count(assumptions.months_to_hire, "month"),
            quarter=roadmap.in_place_quarter,
        ),
    ]
    if roadmap.ml_from_quarter is not None:
        reasons.append(reason("Q3", quarter=roadmap.ml_from_quarter))
    if roadmap.infra_from_quarter is not None:
        reasons.append(reason("Q4", quarter=roadmap.infra_from_quarter))
    for name, months, quarter in roadmap.live:
        reasons.append(
            reason("Q5", name=Name(name), quarter=quarter, months=Count(months, "month"))
        )
    deferred = ".deferred" if has_deferred else ""
    if len(roadmap.quarters) == 1:
        reasons.append(reason(f"Q6.one{'_deferred' if has_deferred else ''}"))
    else:
        reasons.append(reason(f"Q6{deferred}", last=len(roadmap.quarters)))
    return reasons
