"""Path economics and rules V1 to V4: does a critical path justify a custom model?"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal

from wizard.rules.answers import Assumptions, CriticalPath
from wizard.rules.limits import Maintenance
from wizard.rules.money import format_money
from wizard.rules.wording import count, horizon, quoted

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
) -> str:
    name = quoted(path.name)
    examples = count(path.labelled_examples, "labelled example")
    net = format_money(economics.net_value)
    build = format_money(economics.build_cost)
    in_use = count(economics.years_in_use, "year")
    if rule == "V1":
        short = (
            f"{name} has {examples}, short of the {MIN_LABELLED_EXAMPLES:,} a custom model needs"
        )
        if path.foundation_model_adequate == "no":
            return (
                f"{short}, and no foundation model does the job well enough, "
                "so gather more labelled data before deciding."
            )
        how_well = "does" if path.foundation_model_adequate == "yes" else "partly does"
        return f"{short}; a foundation model {how_well} the job, so start with one."
    if rule == "V2":
        if economics.years_in_use == 0:
            return (
                f"Building {name} takes {count(path.months_to_build, 'month')}, leaving no "
                f"time in use within the {horizon(assumptions.horizon_years)}, so a custom "
                f"model could never pay back its build cost of {build}: use a foundation model."
            )
        return (
            f"Over {in_use} in use, a custom model for {name} would bring a net value of "
            f"{net} after its build cost of {build}; at an annual impact of "
            f"{format_money(path.annual_impact)} it does not pay for itself, "
            "so use a foundation model."
        )
    if rule == "V3":
        return (
            f"A foundation model already does the job for {name} and no one needs the model "
            f"explained, while the net value of a custom model, {net}, is less than its build "
            f"cost of {build}: too thin a margin to be worth it."
        )
    reason = (
        f"{name} has {examples} and a custom model would bring a net value of {net} over "
        f"{in_use} in use, against a build cost of {build}, so it is worth building."
    )
    if path.foundation_model_adequate == "yes":
        if path.needs_explainability:
            reason += (
                " A foundation model would do the job, but a regulator or auditor needs "
                "the model explained."
            )
        else:
            reason += (
                " A foundation model would do the job, but the net value is at least the "
                "build cost, a wide enough margin."
            )
    return reason


def _cost_reasons(
    path: CriticalPath, assumptions: Assumptions, economics: PathEconomics
) -> list[str]:
    reasons = [
        f"Building it takes {count(path.months_to_build, 'month')} of an ML engineer at "
        f"{format_money(assumptions.ml_engineer_annual_cost)} a year, so it costs "
        f"{format_money(economics.build_cost)}, then "
        f"{format_money(economics.yearly_maintenance)} a year to keep up "
        f"({path.maintenance} maintenance)."
    ]
    if economics.break_even_annual_impact is not None:
        reasons.append(
            "It breaks even at an annual impact of "
            f"{format_money(economics.break_even_annual_impact)}; the answers give "
            f"{format_money(path.annual_impact)}."
        )
    return reasons


def assess_path(path: CriticalPath, assumptions: Assumptions) -> PathResult:
    """A path's economics and verdict (V1 to V4), with the reasons for both."""
    economics = path_economics(path, assumptions)
    verdict, rule = decide_verdict(path, economics)
    reasons = [
        _decision_reason(path, assumptions, economics, rule),
        *_cost_reasons(path, assumptions, economics),
    ]
    return PathResult(path.name, verdict, economics, (rule,), tuple(reasons))
