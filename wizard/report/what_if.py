"""The report's what-if panel: change a few answers, see the engine's new plan, save
nothing unless asked to."""

from __future__ import annotations

import copy
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wizard import labels
from wizard.answers_draft import normalised, to_engine_answers
from wizard.field_rendering import RenderedForm
from wizard.form_fields import number_field
from wizard.models import Assessment
from wizard.rules import Plan, limits, make_plan
from wizard.steps import shown

ASSUMPTIONS = (
    "ml_engineer_annual_cost",
    "horizon_years",
    "ai_engineer_annual_cost",
    "infra_engineer_annual_cost",
    "months_to_hire",
    "hires_per_quarter",
)


class WhatIfForm(RenderedForm):
    headcount = number_field(limits.HEADCOUNT, label=_("People in the organisation"))
    level = forms.TypedChoiceField(
        label=_("AI maturity level"),
        choices=[("", _("As answered")), *labels.LEVEL_CHOICES],
        coerce=int,
        empty_value=None,
        required=False,
    )
    ml_engineer_annual_cost = number_field(
        limits.ML_ENGINEER_ANNUAL_COST, label=_("Yearly cost of one ML engineer")
    )
    horizon_years = number_field(limits.HORIZON_YEARS, label=_("Payback horizon in years"))
    # Rules 2026.2: the team's cost and the pace of hiring. A plan finished before them has
    # no such answers, so these start at the defaults the engine would use.
    ai_engineer_annual_cost = number_field(
        limits.AI_ENGINEER_ANNUAL_COST,
        label=_("Yearly cost of one AI engineer"),
        initial=limits.DEFAULT_AI_ENGINEER_ANNUAL_COST,
    )
    infra_engineer_annual_cost = number_field(
        limits.INFRA_ENGINEER_ANNUAL_COST,
        label=_("Yearly cost of one infrastructure engineer"),
        initial=limits.DEFAULT_INFRA_ENGINEER_ANNUAL_COST,
    )
    months_to_hire = number_field(
        limits.MONTHS_TO_HIRE,
        label=_("Months to hire one person"),
        initial=limits.DEFAULT_MONTHS_TO_HIRE,
    )
    hires_per_quarter = number_field(
        limits.HIRES_PER_QUARTER,
        label=_("Roles opened per quarter"),
        initial=limits.DEFAULT_HIRES_PER_QUARTER,
    )

    def __init__(self, *args: Any, assessment: Assessment, **kwargs: Any) -> None:
        answers = assessment.answers
        initial = {
            "headcount": answers["organisation"]["headcount"],
            "level": answers["maturity"].get("declared_level"),
            **answers.get("assumptions", {}),
        }
        for i, path in enumerate(answers.get("critical_paths", [])):
            initial[f"impact_{i}"] = path["annual_impact"]
            initial[f"examples_{i}"] = path["labelled_examples"]
        super().__init__(*args, initial={k: shown(v) for k, v in initial.items()}, **kwargs)
        self.path_names = [path["name"] for path in answers.get("critical_paths", [])]
        for i, name in enumerate(self.path_names):
            self.fields[f"impact_{i}"] = number_field(
                limits.ANNUAL_IMPACT,
                label=_("%(path)s: yearly value of a 2–3 %% gain") % {"path": name},
            )
            self.fields[f"examples_{i}"] = number_field(
                limits.LABELLED_EXAMPLES, label=_("%(path)s: labelled examples") % {"path": name}
            )

    def path_rows(self) -> list[tuple[str, forms.BoundField, forms.BoundField]]:
        return [
            (name, self[f"impact_{i}"], self[f"examples_{i}"])
            for i, name in enumerate(self.path_names)
        ]

    def answers(self, assessment: Assessment) -> dict[str, Any]:
        """The assessment's answers with the changed values written in."""
        data = self.cleaned_data
        answers = copy.deepcopy(assessment.answers)
        answers["organisation"]["headcount"] = data["headcount"]
        answers["maturity"]["declared_level"] = data["level"]
        answers["assumptions"] = {key: data[key] for key in ASSUMPTIONS}
        for i, path in enumerate(answers.get("critical_paths", [])):
            path["annual_impact"] = data[f"impact_{i}"]
            path["labelled_examples"] = data[f"examples_{i}"]
        return normalised(answers)


def what_if_plan(answers: dict[str, Any]) -> Plan:
    return make_plan(to_engine_answers(answers))
