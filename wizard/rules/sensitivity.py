"""Rules F1 to F3: the nearest changes of answers that would change the plan.

See docs/rules.md, "What would change the plan (F)".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from wizard.rules.economics import Verdict
from wizard.rules.team import DeferredHire, Team

PlanChangeField = Literal["headcount", "declared_level"]
PathFlipField = Literal["labelled_examples", "annual_impact"]


@dataclass(frozen=True, slots=True)
class PlanChange:
    """F1 or F2: the team (and, for F2, the deferred hires) at a changed answer.

    `deferred` is None for a headcount change (F1 compares the team only).
    """

    change: PlanChangeField
    to: int
    team: Team
    deferred: tuple[DeferredHire, ...] | None


@dataclass(frozen=True, slots=True)
class PathFlip:
    """F3: the value of one path's answer at which its verdict turns to `verdict`."""

    name: str
    field: PathFlipField
    at: float
    verdict: Verdict


@dataclass(frozen=True, slots=True)
class Sensitivity:
    """What would change the plan: whole-plan changes, then per-path flips."""

    plan: tuple[PlanChange, ...]
    paths: tuple[PathFlip, ...]
