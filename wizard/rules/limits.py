"""Every input range, choice and default of the framework, defined once.

The engine validates answers against these, and the web forms reuse them, so
a bound or a default changes in one place only (docs/rules.md, "Answers").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

Kind = Literal["predictive", "generative", "agentic", "vision_audio"]
Maintenance = Literal["low", "medium", "high"]
Adequacy = Literal["yes", "partly", "no"]
Level = Literal[1, 2, 3, 4]

KINDS: Final[tuple[Kind, ...]] = ("predictive", "generative", "agentic", "vision_audio")
MAINTENANCE_LEVELS: Final[tuple[Maintenance, ...]] = ("low", "medium", "high")
FOUNDATION_MODEL_ADEQUACY: Final[tuple[Adequacy, ...]] = ("yes", "partly", "no")
LEVELS: Final[tuple[Level, ...]] = (1, 2, 3, 4)


def _format_bound(value: int | float) -> str:
    if isinstance(value, int) or value.is_integer():
        return f"{int(value):,}"
    return f"{value:,}"


@dataclass(frozen=True, slots=True)
class NumberRange:
    """An accepted range of numbers; the minimum is inclusive unless `min_exclusive`."""

    minimum: int | float
    maximum: int | float
    integer: bool
    min_exclusive: bool = False

    def contains(self, value: int | float) -> bool:
        """Whether `value` lies in the range (exact for ints of any size)."""
        above = value > self.minimum if self.min_exclusive else value >= self.minimum
        return above and value <= self.maximum

    def describe(self) -> str:
        """The range in words, e.g. "a whole number from 1 to 10,000,000"."""
        noun = "a whole number" if self.integer else "a number"
        low, high = _format_bound(self.minimum), _format_bound(self.maximum)
        if self.min_exclusive:
            return f"{noun} greater than {low} and at most {high}"
        return f"{noun} from {low} to {high}"


HEADCOUNT: Final = NumberRange(1, 10_000_000, integer=True)
WORKING_PILOTS: Final = NumberRange(0, 1_000_000, integer=True)
SYSTEMS_IN_PRODUCTION: Final = NumberRange(0, 1_000_000, integer=True)
DECLARED_LEVEL: Final = NumberRange(1, 4, integer=True)
ANNUAL_IMPACT: Final = NumberRange(0, 10**12, integer=False)
LABELLED_EXAMPLES: Final = NumberRange(0, 10**12, integer=True)
MONTHS_TO_BUILD: Final = NumberRange(1, 36, integer=False)
ML_ENGINEER_ANNUAL_COST: Final = NumberRange(0, 10**9, integer=False, min_exclusive=True)
HORIZON_YEARS: Final = NumberRange(1, 10, integer=False)
# New in rules 2026.2: what the rest of the team costs and how fast it can be hired.
AI_ENGINEER_ANNUAL_COST: Final = NumberRange(0, 10**9, integer=False, min_exclusive=True)
INFRA_ENGINEER_ANNUAL_COST: Final = NumberRange(0, 10**9, integer=False, min_exclusive=True)
MONTHS_TO_HIRE: Final = NumberRange(1, 12, integer=False)
HIRES_PER_QUARTER: Final = NumberRange(1, 100, integer=True)

MAX_CRITICAL_PATHS: Final = 50
MAX_PATH_NAME_LENGTH: Final = 120

# Defaults are ints where the framework gives whole numbers, so the canonical
# answers JSON shows 200000 rather than 200000.0.
DEFAULT_WORKING_PILOTS: Final = 0
DEFAULT_SYSTEMS_IN_PRODUCTION: Final = 0
DEFAULT_OPTIMISING_AT_SCALE: Final = False
DEFAULT_DECLARED_LEVEL: Final[Level | None] = None
DEFAULT_ANNUAL_IMPACT: Final = 0
DEFAULT_LABELLED_EXAMPLES: Final = 0
DEFAULT_MONTHS_TO_BUILD: Final = 6
DEFAULT_MAINTENANCE: Final[Maintenance] = "medium"
DEFAULT_FOUNDATION_MODEL_ADEQUATE: Final[Adequacy] = "partly"
DEFAULT_NEEDS_EXPLAINABILITY: Final = False
DEFAULT_SHIP_QUICKLY: Final = False
DEFAULT_INTEGRATE_EXISTING_SYSTEMS: Final = False
DEFAULT_ML_ENGINEER_ANNUAL_COST: Final = 200_000
DEFAULT_HORIZON_YEARS: Final = 3
DEFAULT_AI_ENGINEER_ANNUAL_COST: Final = 180_000
DEFAULT_INFRA_ENGINEER_ANNUAL_COST: Final = 190_000
DEFAULT_MONTHS_TO_HIRE: Final = 3
DEFAULT_HIRES_PER_QUARTER: Final = 3
