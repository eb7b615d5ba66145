"""Plans and answers as JSON-ready dicts, in the shape of the public contract.

`plan_from_dict` reads a stored plan back as the engine's `Plan`, for every
rules version the app has stored (docs/rules.md, "Output").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, cast

from wizard.rules.answers import Answers, CriticalPath
from wizard.rules.decision_tree import DecisionTree
from wizard.rules.economics import PathEconomics, PathResult, Verdict
from wizard.rules.limits import Level
from wizard.rules.maturity import MaturityAssessment
from wizard.rules.money import money_for_json
from wizard.rules.plan import Plan
from wizard.rules.reason_text import Reason, reason_from_dict
from wizard.rules.roadmap import RoadmapQuarter
from wizard.rules.sensitivity import (
    PathFlip,
    PathFlipField,
    PlanChange,
    PlanChangeField,
    Sensitivity,
)
from wizard.rules.stage import Stage
from wizard.rules.team import DeferredHire, Role, Team


def _path_to_dict(path: PathResult) -> dict[str, Any]:
    economics = path.economics
    break_even = economics.break_even_annual_impact
    return {
        "name": path.name,
        "verdict": path.verdict,
        "build_cost": money_for_json(economics.build_cost),
        "yearly_maintenance": money_for_json(economics.yearly_maintenance),
        "net_value": money_for_json(economics.net_value),
        "break_even_annual_impact": None if break_even is None else money_for_json(break_even),
        "rules": list(path.rules),
        "reasons": list(path.reasons),
        **(
            {"reason_codes": [item.as_dict() for item in path.reason_codes]}
            if path.reason_codes
            else {}
        ),
    }


def _team_to_dict(team: Team) -> dict[str, int]:
    return {
        "ai_engineers": team.ai_engineers,
        "applied_ai_engineers": team.applied_ai_engineers,
        "ml_engineers": team.ml_engineers,
        "ml_infra_engineers": team.ml_infra_engineers,
        "ai_infra_engineers": team.ai_infra_engineers,
    }


def _deferred_to_dict(deferred: Sequence[DeferredHire]) -> list[dict[str, str]]:
    return [{"role": hire.role, "path": hire.path, "trigger": hire.trigger} for hire in deferred]


def _quarter_to_dict(quarter: RoadmapQuarter) -> dict[str, Any]:
    return {
        "quarter": quarter.quarter,
        "open": list(quarter.open),
        "start": list(quarter.start),
        "live": list(quarter.live),
        "team_size": quarter.team_size,
        "cost_per_year": money_for_json(quarter.cost_per_year),
    }


def _plan_change_to_dict(change: PlanChange) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "change": change.change,
        "to": change.to,
        "team": _team_to_dict(change.team),
    }
    if change.deferred is not None:
        entry["deferred"] = _deferred_to_dict(change.deferred)
    return entry


def _path_flip_to_dict(flip: PathFlip) -> dict[str, Any]:
    # A count of examples stays a whole number; an impact is money.
    at = int(flip.at) if flip.field == "labelled_examples" else money_for_json(flip.at)
    return {"name": flip.name, "field": flip.field, "at": at, "verdict": flip.verdict}


def _sensitivity_to_dict(sensitivity: Sensitivity) -> dict[str, Any]:
    return {
        "plan": [_plan_change_to_dict(change) for change in sensitivity.plan],
        "paths": [_path_flip_to_dict(flip) for flip in sensitivity.paths],
    }


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan as the JSON contract of docs/rules.md, money rounded to the cent.

    The 2026.2 keys appear only when the plan has them, so a plan read back
    from a 2026.1 snapshot gives exactly the 2026.1 keys.
    The result holds only dicts, lists, strings, finite numbers, booleans and
    None, so `json.dumps(..., allow_nan=False)` always succeeds.
    """
    tree = plan.decision_tree
    payload: dict[str, Any] = {
        "rules_version": plan.rules_version,
        "maturity": {
            "level": plan.maturity.level,
            "computed_level": plan.maturity.computed_level,
            "declared_level": plan.maturity.declared_level,
            "name": plan.maturity.name,
        },
        "stage": plan.stage,
        "paths": [_path_to_dict(path) for path in plan.paths],
        "team": _team_to_dict(plan.team),
        "deferred": _deferred_to_dict(plan.deferred),
        "hiring_order": list(plan.hiring_order),
        "decision_tree": {
            "D1": tree.d1_gain_pays_off,
            "D2": tree.d2_integrate_and_ship,
            "D3": tree.d3_agentic,
            "D4": tree.d4_resources_for_custom_ml,
        },
        "rules": list(plan.rules),
        "reasons": list(plan.reasons),
    }
    if plan.team_cost_per_year is not None:
        payload["team_cost_per_year"] = money_for_json(plan.team_cost_per_year)
    if plan.roadmap is not None:
        payload["roadmap"] = [_quarter_to_dict(quarter) for quarter in plan.roadmap]
    if plan.sensitivity is not None:
        payload["sensitivity"] = _sensitivity_to_dict(plan.sensitivity)
    # Last, and only when there are any, so a snapshot saved before they were kept
    # round-trips unchanged.
    if plan.reason_codes:
        payload["reason_codes"] = [item.as_dict() for item in plan.reason_codes]
    return payload


def _years_in_use(economics: Mapping[str, Any]) -> float:
    """The years in use, which the contract does not store: solved from break-even.

    break_even = yearly_maintenance + build_cost / years_in_use, so this is
    exact up to the rounding of the stored figures; null break-even means 0.
    """
    break_even = economics["break_even_annual_impact"]
    if break_even is None:
        return 0.0
    margin = float(break_even) - float(economics["yearly_maintenance"])
    return float(economics["build_cost"]) / margin if margin > 0 else 0.0


def _path_from_dict(data: Mapping[str, Any]) -> PathResult:
    break_even = data["break_even_annual_impact"]
    economics = PathEconomics(
        build_cost=float(data["build_cost"]),
        yearly_maintenance=float(data["yearly_maintenance"]),
        years_in_use=_years_in_use(data),
        net_value=float(data["net_value"]),
        break_even_annual_impact=None if break_even is None else float(break_even),
    )
    return PathResult(
        name=str(data["name"]),
        verdict=cast("Verdict", data["verdict"]),
        economics=economics,
        rules=tuple(data["rules"]),
        reasons=tuple(data["reasons"]),
        reason_codes=_reason_codes(data),
    )


def _team_from_dict(data: Mapping[str, Any]) -> Team:
    return Team(
        ai_engineers=int(data["ai_engineers"]),
        applied_ai_engineers=int(data["applied_ai_engineers"]),
        ml_engineers=int(data["ml_engineers"]),
        ml_infra_engineers=int(data["ml_infra_engineers"]),
        ai_infra_engineers=int(data["ai_infra_engineers"]),
    )


def _deferred_from_list(data: Sequence[Mapping[str, Any]]) -> tuple[DeferredHire, ...]:
    return tuple(
        DeferredHire("ml_engineer", str(hire["path"]), str(hire["trigger"])) for hire in data
    )


def _reason_codes(data: Mapping[str, Any]) -> tuple[Reason, ...]:
    """The coded reasons, or none from a snapshot saved before they were kept."""
    return tuple(reason_from_dict(item) for item in data.get("reason_codes", ()))


def _maturity_from_dict(
    data: Mapping[str, Any], reasons: Sequence[str], codes: Sequence[Reason] = ()
) -> MaturityAssessment:
    declared = cast("Level | None", data["declared_level"])
    rules = ("M1",) if declared is None else ("M1", "M2")
    # make_plan puts the maturity reasons first, one per maturity rule.
    return MaturityAssessment(
        level=cast("Level", data["level"]),
        computed_level=cast("Level", data["computed_level"]),
        declared_level=declared,
        rules=rules,
        reasons=tuple(reasons[: len(rules)]),
        reason_codes=tuple(codes[: len(rules)]),
    )


def _quarter_from_dict(data: Mapping[str, Any]) -> RoadmapQuarter:
    return RoadmapQuarter(
        quarter=int(data["quarter"]),
        open=tuple(cast("list[Role]", data["open"])),
        start=tuple(cast("list[Role]", data["start"])),
        live=tuple(data["live"]),
        team_size=int(data["team_size"]),
        cost_per_year=float(data["cost_per_year"]),
    )


def _sensitivity_from_dict(data: Mapping[str, Any]) -> Sensitivity:
    changes = tuple(
        PlanChange(
            change=cast("PlanChangeField", entry["change"]),
            to=int(entry["to"]),
            team=_team_from_dict(entry["team"]),
            deferred=_deferred_from_list(entry["deferred"]) if "deferred" in entry else None,
        )
        for entry in data["plan"]
    )
    flips = tuple(
        PathFlip(
            name=str(entry["name"]),
            field=cast("PathFlipField", entry["field"]),
            at=float(entry["at"]),
            verdict=cast("Verdict", entry["verdict"]),
        )
        for entry in data["paths"]
    )
    return Sensitivity(changes, flips)


def plan_from_dict(data: Mapping[str, Any]) -> Plan:
    """A stored plan (the output of `plan_to_dict`, any rules version) as a `Plan`.

    Money comes back as the stored, rounded figures; `years_in_use`, which
    is not stored, is solved from them. The 2026.2 fields are None when the
    snapshot predates them. Raises KeyError, TypeError or ValueError on a
    dict that is not a stored plan.
    """
    tree = data["decision_tree"]
    reasons = tuple(str(reason) for reason in data["reasons"])
    codes = _reason_codes(data)
    cost = data.get("team_cost_per_year")
    roadmap = data.get("roadmap")
    sensitivity = data.get("sensitivity")
    return Plan(
        rules_version=str(data["rules_version"]),
        maturity=_maturity_from_dict(data["maturity"], reasons, codes),
        stage=cast("Stage", data["stage"]),
        paths=tuple(_path_from_dict(path) for path in data["paths"]),
        team=_team_from_dict(data["team"]),
        deferred=_deferred_from_list(data["deferred"]),
        hiring_order=tuple(cast("list[Role]", data["hiring_order"])),
        decision_tree=DecisionTree(
            d1_gain_pays_off=bool(tree["D1"]),
            d2_integrate_and_ship=bool(tree["D2"]),
            d3_agentic=bool(tree["D3"]),
            d4_resources_for_custom_ml=bool(tree["D4"]),
        ),
        rules=tuple(str(rule) for rule in data["rules"]),
        reasons=reasons,
        team_cost_per_year=None if cost is None else float(cost),
        roadmap=None if roadmap is None else tuple(_quarter_from_dict(q) for q in roadmap),
        sensitivity=None if sensitivity is None else _sensitivity_from_dict(sensitivity),
        reason_codes=codes,
    )


def _critical_path_to_dict(path: CriticalPath) -> dict[str, Any]:
    return {
        "name": path.name,
        "kind": path.kind,
        "annual_impact": path.annual_impact,
        "labelled_examples": path.labelled_examples,
        "months_to_build": path.months_to_build,
        "maintenance": path.maintenance,
        "foundation_model_adequate": path.foundation_model_adequate,
        "needs_explainability": path.needs_explainability,
    }


def answers_to_dict(answers: Answers) -> dict[str, Any]:
    """The canonical answers JSON: every field present, defaults filled in.

    `validate_answers(answers_to_dict(answers)) == answers` always holds.
    """
    maturity = answers.maturity
    return {
        "organisation": {"headcount": answers.organisation.headcount},
        "maturity": {
            "working_pilots": maturity.working_pilots,
            "systems_in_production": maturity.systems_in_production,
            "optimising_at_scale": maturity.optimising_at_scale,
            "declared_level": maturity.declared_level,
        },
        "critical_paths": [_critical_path_to_dict(path) for path in answers.critical_paths],
        "priorities": {
            "ship_quickly": answers.priorities.ship_quickly,
            "integrate_existing_systems": answers.priorities.integrate_existing_systems,
        },
        "assumptions": {
            "ml_engineer_annual_cost": answers.assumptions.ml_engineer_annual_cost,
            "horizon_years": answers.assumptions.horizon_years,
            "ai_engineer_annual_cost": answers.assumptions.ai_engineer_annual_cost,
            "infra_engineer_annual_cost": answers.assumptions.infra_engineer_annual_cost,
            "months_to_hire": answers.assumptions.months_to_hire,
            "hires_per_quarter": answers.assumptions.hires_per_quarter,
        },
    }
