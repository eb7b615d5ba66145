"""Rules M1 and M2: the AI maturity level the plan works from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from wizard.rules.answers import Maturity
from wizard.rules.limits import Level
from wizard.rules.wording import count

LEVEL_NAMES: Final[Mapping[Level, str]] = {
    1: "Exploration",
    2: "Pilot",
    3: "Production",
    4: "Optimisation",
}


def describe_level(level: Level) -> str:
    """A level for a sentence: "level 3 (Production)"."""
    return f"level {level} ({LEVEL_NAMES[level]})"


@dataclass(frozen=True, slots=True)
class MaturityAssessment:
    """The level used by the other rules, and how it was arrived at."""

    level: Level
    computed_level: Level
    declared_level: Level | None
    rules: tuple[str, ...]
    reasons: tuple[str, ...]

    @property
    def name(self) -> str:
        """The name of the level used, e.g. "Pilot"."""
        return LEVEL_NAMES[self.level]

    @property
    def disagreement(self) -> bool:
        """Whether a declared level differs from the one the answers point to."""
        return self.declared_level is not None and self.declared_level != self.computed_level


def computed_level(maturity: Maturity) -> Level:
    """M1: the level the evidence points to."""
    if maturity.systems_in_production >= 1:
        return 4 if maturity.optimising_at_scale else 3
    if maturity.working_pilots >= 1:
        return 2
    return 1


def _evidence(maturity: Maturity, level: Level) -> str:
    systems = count(maturity.systems_in_production, "system")
    pilots = count(maturity.working_pilots, "working pilot")
    if level == 4:
        found = f"{systems} in production and optimisation at scale under way"
    elif level == 3:
        found = f"{systems} in production"
    elif level == 2:
        found = f"{pilots} and nothing in production yet"
    else:
        found = "no working pilots and nothing in production"
    sentence = f"With {found}, the answers point to {describe_level(level)}."
    if maturity.optimising_at_scale and maturity.systems_in_production == 0:
        sentence += " Optimising at scale counts only once a system is in production."
    return sentence


def assess_maturity(maturity: Maturity) -> MaturityAssessment:
    """Apply M1, and M2 when a level is declared; the declared level wins."""
    computed = computed_level(maturity)
    reasons = [_evidence(maturity, computed)]
    declared = maturity.declared_level
    if declared is None:
        return MaturityAssessment(computed, computed, None, ("M1",), tuple(reasons))
    if declared == computed:
        reasons.append(f"You declared {describe_level(declared)} too, so the two agree.")
    else:
        reasons.append(
            f"You declared {describe_level(declared)}, which differs from the "
            f"{describe_level(computed)} the answers point to; the plan uses the level "
            "you declared, so check which one is right."
        )
    return MaturityAssessment(declared, computed, declared, ("M1", "M2"), tuple(reasons))
