"""Rules M1 and M2: the AI maturity level the plan works from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from wizard.rules.answers import Maturity
from wizard.rules.limits import Level
from wizard.rules.reason_text import Count, Reason, english, level_phrase, reason

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
    reason_codes: tuple[Reason, ...] = ()

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


def _evidence(maturity: Maturity, level: Level) -> Reason:
    systems = Count(maturity.systems_in_production, "system")
    pilots = Count(maturity.working_pilots, "working_pilot")
    shown = level_phrase(level)
    if level == 4:
        found = reason("M1.optimising", systems=systems, level=shown)
    elif level == 3:
        found = reason("M1.production", systems=systems, level=shown)
    elif level == 2:
        found = reason("M1.pilot", pilots=pilots, level=shown)
    else:
        found = reason("M1.exploration", level=shown)
    if maturity.optimising_at_scale and maturity.systems_in_production == 0:
        return reason("M1.not_yet_optimising", evidence=found)
    return found


def assess_maturity(maturity: Maturity) -> MaturityAssessment:
    """Apply M1, and M2 when a level is declared; the declared level wins."""
    computed = computed_level(maturity)
    coded = [_evidence(maturity, computed)]
    declared = maturity.declared_level
    if declared is None:
        return _assessment(computed, computed, None, ("M1",), coded)
    if declared == computed:
        coded.append(reason("M2.agree", level=level_phrase(declared)))
    else:
        coded.append(
            reason("M2.differ", declared=level_phrase(declared), computed=level_phrase(computed))
        )
    return _assessment(declared, computed, declared, ("M1", "M2"), coded)


def _assessment(
    level: Level,
    computed: Level,
    declared: Level | None,
    rules: tuple[str, ...],
    coded: list[Reason],
) -> MaturityAssessment:
    reasons = tuple(english(item) for item in coded)
    return MaturityAssessment(level, computed, declared, rules, reasons, tuple(coded))
