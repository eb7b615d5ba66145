"""Path economics and rules V1 to V4: does a critical path justify a custom model?"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal

from wizard.rules.answers import Assumptions, CriticalPath
from wizard.rules.limits import Maintenance
from wizard.rules.reason_text import Count, Money, Name, Reason, Word, english, reason

Verdict = Literal["custom_ml", "foundation_model", "gather_data"]

VERDICTS: Final[tuple[Verdict, ...]] = ("custom_ml", "foundation_model", "gather_data")
MIN_LABELLED_EXAMPLES: Final = 10_000
MAINTENANCE_RATES: Final[Mapping[Maintenance, float]] = {"low": 0.2, "medium": 0.4, "high": 0.6}


@dataclass(frozen=True, slots=True)
class PathEconomics:
    """What a custom model for one path would cost and return, unrounded."""

    build_cost: float
    yearly_maintenance: float
    years_in_use: float
    net_value: float
    # None when the model would never be in use within the horizon.
    break_even_annual_impact: float | None


def path_economics(path: CriticalPath, assumptions: Assumptions) -> PathEconomics:
    """The framework's formulas, in the order docs/rules.md writes them."""
    build_cost = path.months_to_build * assumptions.ml_engineer_annual_cost / 12
    yearly_maintenance = build_cost * MAINTENANCE_RATES[path.maintenance]
    years_in_use = max(0.0, assumptions.horizon_years - path.months_to_build / 12)
    net_value = (path.annual_impact - yearly_maintenance) * years_in_use - build_cost
    break_even = yearly_maintenance + build_cost / years_in_use if years_in_use > 0 else None
    return PathEconomics(build_cost, yearly_maintenance, years_in_use, net_value, break_even)


@dataclass(frozen=True, slots=True)
class PathResult:
    """One critical path's verdict, its economics, and why."""

    name: str
    verdict: Verdict
    economics: PathEconomics
    rules: tuple[str, ...]
    reasons: tuple[str, ...]
    # The same reasons as codes and parameters, for wording in another language; empty on
    # a path read back from a snapshot saved before reasons were kept as data.
    reason_codes: tuple[Reason, ...] = ()


def decide_verdict(path: CriticalPath, economics: PathEconomics) -> tuple[Verdict, str]:
    """V1 to V4: the first rule that applies decides."""
    if path.labelled_examples < MIN_LABELLED_EXAMPLES:
        if path.foundation_model_adequate == "no":
            return "gather_data", "V1"
        return "foundation_model", "V1"
    return verdict_on_economics(path, economics)


def verdict_on_economics(path: CriticalPath, economics: PathEconomics) -> tuple[Verdict, str]:
    """V2 to V4: the verdict of a path with enough labelled examples."""
    if economics.net_value <= 0:
        return "foundation_model", "V2"
    if (
        path.foundation_model_adequate == "yes"
        and not path.needs_explainability
        and economics.net_value < economics.build_cost
    ):
        return "foundation_model", "V3"
    return "custom_ml", "V4"


def _decision_reason(
    path: CriticalPath, assumptions: Assumptions, economics: PathEconomics, rule: str
) -> Reason:
    name = Name(path.name)
    examples = Count(path.labelled_examples, "labelled_example")
    net = Money(economics.net_value)
    build = Money(economics.build_cost)
    in_use = Count(economics.years_in_use, "year")
    if rule == "V1":
        code = {"no": "V1.gather", "yes": "V1.foundation"}.get(
            path.foundation_model_adequate, "V1.partly"
        )
        return reason(code, name=name, examples=examples, minimum=MIN_LABELLED_EXAMPLES)
    if rule == "V2":
        if economics.years_in_use == 0:
            return reason(
                "V2.never",
                name=name,
                months=Count(path.months_to_build, "month"),
                horizon=assumptions.horizon_years,
                build=build,
            )
        return reason(
            "V2", in_use=in_use, name=name, net=net, build=build, impact=Money(path.annual_impact)
        )
    if rule == "V3":
        return reason("V3", name=name, net=net, build=build)
    code = "V4"
    if path.foundation_model_adequate == "yes":
        code = "V4.explained" if path.needs_explainability else "V4.margin"
    return reason(code, name=name, examples=examples, net=net, in_use=in_use, build=build)


def _cost_reasons(
    path: CriticalPath, assumptions: Assumptions, economics: PathEconomics
) -> list[Reason]:
    reasons = [
        reason(
            "V.cost",
            months=Count(path.months_to_build, "month"),
            cost=Money(assumptions.ml_engineer_annual_cost),
            build=Money(economics.build_cost),
            upkeep=Money(economics.yearly_maintenance),
            maintenance=Word(path.maintenance),
        )
    ]
    if economics.break_even_annual_impact is not None:
        reasons.append(
            reason(
                "V.break_even",
                break_even=Money(economics.break_even_annual_impact),
                impact=Money(path.annual_impact),
            )
        )
    return reasons


def assess_path(path: CriticalPath, assumptions: Assumptions) -> PathResult:
    """A path's economics and verdict (V1 to V4), with the reasons for both."""
    economics = path_economics(path, assumptions)
    verdict, rule = decide_verdict(path, economics)
    coded = (
        _decision_reason(path, assumptions, economics, rule),
        *_cost_reasons(path, assumptions, economics),
    )
    reasons = tuple(english(item) for item in coded)
    return PathResult(path.name, verdict, economics, (rule,), reasons, coded)
