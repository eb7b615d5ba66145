"""The answers a plan is computed from, as validated, immutable values.

Build them with `validate_answers` from raw JSON, or directly in code; the
defaults are those of docs/rules.md (see `limits`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wizard.rules import limits
from wizard.rules.limits import Adequacy, Kind, Level, Maintenance


@dataclass(frozen=True, slots=True)
class Organisation:
    """The organisation that is hiring."""

    headcount: int


@dataclass(frozen=True, slots=True)
class Maturity:
    """Evidence of AI maturity, and the level the organisation declares, if any."""

    working_pilots: int = limits.DEFAULT_WORKING_PILOTS
    systems_in_production: int = limits.DEFAULT_SYSTEMS_IN_PRODUCTION
    optimising_at_scale: bool = limits.DEFAULT_OPTIMISING_AT_SCALE
    declared_level: Level | None = limits.DEFAULT_DECLARED_LEVEL


@dataclass(frozen=True, slots=True)
class CriticalPath:
    """One business process that might justify a custom model."""

    name: str
    kind: Kind
    annual_impact: float = limits.DEFAULT_ANNUAL_IMPACT
    labelled_examples: int = limits.DEFAULT_LABELLED_EXAMPLES
    months_to_build: float = limits.DEFAULT_MONTHS_TO_BUILD
    maintenance: Maintenance = limits.DEFAULT_MAINTENANCE
    foundation_model_adequate: Adequacy = limits.DEFAULT_FOUNDATION_MODEL_ADEQUATE
    needs_explainability: bool = limits.DEFAULT_NEEDS_EXPLAINABILITY


@dataclass(frozen=True, slots=True)
class Priorities:
    """What the organisation wants most from its next hires."""

    ship_quickly: bool = limits.DEFAULT_SHIP_QUICKLY
    integrate_existing_systems: bool = limits.DEFAULT_INTEGRATE_EXISTING_SYSTEMS


@dataclass(frozen=True, slots=True)
class Assumptions:
    """Costs, the time horizon and the pace of hiring that the rules work from.

    The path economics use the ML engineer's cost and the horizon; the team's
    cost (C1) and the roadmap (Q) use the rest, new in rules 2026.2.
    """

    ml_engineer_annual_cost: float = limits.DEFAULT_ML_ENGINEER_ANNUAL_COST
    horizon_years: float = limits.DEFAULT_HORIZON_YEARS
    ai_engineer_annual_cost: float = limits.DEFAULT_AI_ENGINEER_ANNUAL_COST
    infra_engineer_annual_cost: float = limits.DEFAULT_INFRA_ENGINEER_ANNUAL_COST
    months_to_hire: float = limits.DEFAULT_MONTHS_TO_HIRE
    hires_per_quarter: int = limits.DEFAULT_HIRES_PER_QUARTER


@dataclass(frozen=True, slots=True)
class Answers:
    """A complete, valid set of answers: the only input of `make_plan`."""

    organisation: Organisation
    maturity: Maturity = field(default_factory=Maturity)
    critical_paths: tuple[CriticalPath, ...] = ()
    priorities: Priorities = field(default_factory=Priorities)
    assumptions: Assumptions = field(default_factory=Assumptions)
