"""Rules Q1 to Q6: the quarter in which each role opens, each person starts, each model goes live.

See docs/rules.md, "Roadmap (Q)".
"""

from __future__ import annotations

from dataclasses import dataclass

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
