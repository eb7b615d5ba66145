"""What the API documentation page shows, built from the engine's own limits and rules so
the page can never drift from what the API accepts and returns."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wizard.money_format import describe_range, number
from wizard.rules import limits, make_plan, plan_to_dict, validate_answers


@dataclass(frozen=True)
class FieldRow:
    path: str
    accepts: str
    default: str
    meaning: Promise


def _choices(values: tuple[str, ...]) -> str:
    return gettext("one of %(values)s") % {"values": ", ".join(f"“{value}”" for value in values)}


def field_rows() -> list[FieldRow]:
    r = limits
    return [
        FieldRow(
            "organisation.headcount",
            describe_range(r.HEADCOUNT),
            gettext("required"),
            _("People in the organisation today; sets the stage."),
        ),
        FieldRow(
            "maturity.working_pilots",
            describe_range(r.WORKING_PILOTS),
            "0",
            _("AI pilots that work, not yet in production."),
        ),
        FieldRow(
            "maturity.systems_in_production",
            describe_range(r.SYSTEMS_IN_PRODUCTION),
            "0",
            _("AI systems running in production."),
        ),
        FieldRow(
            "maturity.optimising_at_scale",
            gettext("true or false"),
            "false",
            _("Whether you are tuning AI systems at scale."),
        ),
        FieldRow(
            "maturity.declared_level",
            gettext("null or %(range)s") % {"range": describe_range(r.DECLARED_LEVEL)},
            "null",
            _("The level you believe you are at; used instead of the computed one."),
        ),
        FieldRow(
            "critical_paths",
            gettext("a list of at most %(max)s paths") % {"max": r.MAX_CRITICAL_PATHS},
            "[]",
            _("The business processes where AI matters most."),
        ),
        FieldRow(
            "critical_paths.N.name",
            gettext("text, 1 to %(max)s characters after trimming, unique")
            % {"max": r.MAX_PATH_NAME_LENGTH},
            gettext("required"),
            _("What the path is called."),
        ),
        FieldRow(
            "critical_paths.N.kind",
            _choices(r.KINDS),
            gettext("required"),
            _("The kind of AI work the path needs."),
        ),
        FieldRow(
            "critical_paths.N.annual_impact",
            describe_range(r.ANNUAL_IMPACT),
            "0",
            _("Yearly value of a 2 to 3 % accuracy gain on this path."),
        ),
        FieldRow(
            "critical_paths.N.labelled_examples",
            describe_range(r.LABELLED_EXAMPLES),
            "0",
            _("Labelled examples available to train a model."),
        ),
        FieldRow(
            "critical_paths.N.months_to_build",
            describe_range(r.MONTHS_TO_BUILD),
            str(r.DEFAULT_MONTHS_TO_BUILD),
            _("Months to build and validate a custom model."),
        ),
        FieldRow(
            "critical_paths.N.maintenance",
            _choices(r.MAINTENANCE_LEVELS),
            r.DEFAULT_MAINTENANCE,
            _("Upkeep of a custom model: monitoring, retraining."),
        ),
        FieldRow(
            "critical_paths.N.foundation_model_adequate",
            _choices(r.FOUNDATION_MODEL_ADEQUACY),
            r.DEFAULT_FOUNDATION_MODEL_ADEQUATE,
            _("Whether a foundation model already does this job well enough."),
        ),
        FieldRow(
            "critical_paths.N.needs_explainability",
            gettext("true or false"),
            "false",
            _("Whether a regulator or auditor needs the model explained."),
        ),
        FieldRow(
            "priorities.ship_quickly",
            gettext("true or false"),
            "false",
            _("Shipping quickly matters most."),
        ),
        FieldRow(
            "priorities.integrate_existing_systems",
            gettext("true or false"),
            "false",
            _("AI must fit into systems you already run."),
        ),
        FieldRow(
            "assumptions.ml_engineer_annual_cost",
            describe_range(r.ML_ENGINEER_ANNUAL_COST),
            number(r.DEFAULT_ML_ENGINEER_ANNUAL_COST),
            _("Fully loaded yearly cost of one ML engineer, in your currency."),
        ),
        FieldRow(
            "assumptions.horizon_years",
            describe_range(r.HORIZON_YEARS),
            str(r.DEFAULT_HORIZON_YEARS),
            _("Years over which a custom model must pay back."),
        ),
        FieldRow(
            "assumptions.ai_engineer_annual_cost",
            describe_range(r.AI_ENGINEER_ANNUAL_COST),
            number(r.DEFAULT_AI_ENGINEER_ANNUAL_COST),
            _("Fully loaded yearly cost of one AI engineer (applied AI engineers too)."),
        ),
        FieldRow(
            "assumptions.infra_engineer_annual_cost",
            describe_range(r.INFRA_ENGINEER_ANNUAL_COST),
            number(r.DEFAULT_INFRA_ENGINEER_ANNUAL_COST),
            _("Fully loaded yearly cost of one ML or AI infrastructure engineer."),
        ),
        FieldRow(
            "assumptions.months_to_hire",
            describe_range(r.MONTHS_TO_HIRE),
            str(r.DEFAULT_MONTHS_TO_HIRE),
            _("Months from opening a role to the person starting."),
        ),
        FieldRow(
            "assumptions.hires_per_quarter",
            describe_range(r.HIRES_PER_QUARTER),
            str(r.DEFAULT_HIRES_PER_QUARTER),
            _("How many roles you can open in one quarter."),
        ),
    ]


EXAMPLE_ANSWERS: dict[str, Any] = {
    "organisation": {"headcount": 60},
    "maturity": {"working_pilots": 2, "systems_in_production": 0},
    "critical_paths": [
        {
            "name": "Churn prediction",
            "kind": "predictive",
            "annual_impact": 250000,
            "labelled_examples": 50000,
            "months_to_build": 4,
            "maintenance": "medium",
            "foundation_model_adequate": "partly",
        }
    ],
    "priorities": {"ship_quickly": True, "integrate_existing_systems": True},
    "assumptions": {
        "ml_engineer_annual_cost": limits.DEFAULT_ML_ENGINEER_ANNUAL_COST,
        "horizon_years": limits.DEFAULT_HORIZON_YEARS,
        "ai_engineer_annual_cost": limits.DEFAULT_AI_ENGINEER_ANNUAL_COST,
        "infra_engineer_annual_cost": limits.DEFAULT_INFRA_ENGINEER_ANNUAL_COST,
        "months_to_hire": limits.DEFAULT_MONTHS_TO_HIRE,
        "hires_per_quarter": limits.DEFAULT_HIRES_PER_QUARTER,
    },
}


def example_request() -> str:
    return json.dumps(EXAMPLE_ANSWERS, indent=2)


def example_response() -> str:
    return json.dumps(plan_to_dict(make_plan(validate_answers(EXAMPLE_ANSWERS))), indent=2)
