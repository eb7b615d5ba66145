"""Plans and answers as JSON-ready dicts, in the shape of the public contract."""

from __future__ import annotations

from typing import Any

from wizard.rules.answers import Answers, CriticalPath
from wizard.rules.economics import PathResult
from wizard.rules.money import money_for_json
from wizard.rules.plan import Plan


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
    }


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan as the JSON contract of framework.md, money rounded to the cent.

    The result holds only dicts, lists, strings, finite numbers, booleans and
    None, so `json.dumps(..., allow_nan=False)` always succeeds.
    """
    team = plan.team
    tree = plan.decision_tree
    return {
        "rules_version": plan.rules_version,
        "maturity": {
            "level": plan.maturity.level,
            "computed_level": plan.maturity.computed_level,
            "declared_level": plan.maturity.declared_level,
            "name": plan.maturity.name,
        },
        "stage": plan.stage,
        "paths": [_path_to_dict(path) for path in plan.paths],
        "team": {
            "ai_engineers": team.ai_engineers,
            "applied_ai_engineers": team.applied_ai_engineers,
            "ml_engineers": team.ml_engineers,
            "ml_infra_engineers": team.ml_infra_engineers,
            "ai_infra_engineers": team.ai_infra_engineers,
        },
        "deferred": [
            {"role": hire.role, "path": hire.path, "trigger": hire.trigger}
            for hire in plan.deferred
        ],
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
        },
    }
