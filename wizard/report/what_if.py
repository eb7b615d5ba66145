"""The report's what-if panel: change a few answers, see the engine's new plan, save
nothing unless asked to."""

from __future__ import annotations

import copy
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wizard.answers_draft import normalised, to_engine_answers
from wizard.field_rendering import RenderedForm
from wizard.form_fields import number_field
from wizard.models import Assessment
from wizard.rules import limits, make_plan, plan_to_dict
from wizard.rules.maturity import LEVEL_NAMES
from wizard.steps import shown

LEVEL_CHOICES = [("", _("As answered"))] + [
    (str(n), f"{n} · {name}") for n, name in LEVEL_NAMES.items()
]


class WhatIfForm(RenderedForm):
    headcount = number_field(limits.HEADCOUNT, label=_("People in the organisation"))
    level = forms.TypedChoiceField(
        label=_("AI maturity level"),
        choices=LEVEL_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
    )
    ml_engineer_annual_cost = number_field(
        limits.ML_ENGINEER_ANNUAL_COST, label=_("Yearly cost of one ML engineer")
    )
    horizon_years = number_field(limits.HORIZON_YEARS, label=_("Payback horizon in years"))

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
        answers["assumptions"] = {
            "ml_engineer_annual_cost": data["ml_engineer_annual_cost"],
            "horizon_years": data["horizon_years"],
        }
        for i, path in enumerate(answers.get("critical_paths", [])):
            path["annual_impact"] = data[f"impact_{i}"]
            path["labelled_examples"] = data[f"examples_{i}"]
        return normalised(answers)


def what_if_plan(answers: dict[str, Any]) -> dict[str, Any]:
    return plan_to_dict(make_plan(to_engine_answers(answers)))


def plan_changes(before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
    """What differs between two plans, item by item, for highlighting."""
    changes = []
    if before["maturity"]["level"] != after["maturity"]["level"]:
        changes.append(
            {
                "item": _("Maturity level"),
                "before": before["maturity"]["level"],
                "after": after["maturity"]["level"],
            }
        )
    if before["stage"] != after["stage"]:
        changes.append({"item": _("Stage"), "before": before["stage"], "after": after["stage"]})
    for key, label in (
        ("ai_engineers", _("AI engineers")),
        ("applied_ai_engineers", _("of which applied")),
        ("ml_engineers", _("ML engineers")),
        ("ml_infra_engineers", _("ML infrastructure engineers")),
        ("ai_infra_engineers", _("AI infrastructure engineers")),
    ):
        if before["team"][key] != after["team"][key]:
            changes.append(
                {"item": label, "before": before["team"][key], "after": after["team"][key]}
            )
    verdicts_before = {path["name"].casefold(): path["verdict"] for path in before["paths"]}
    names_after = set()
    for path in after["paths"]:
        names_after.add(path["name"].casefold())
        old = verdicts_before.get(path["name"].casefold())
        if old != path["verdict"]:
            changes.append(
                {"item": path["name"], "before": old, "after": path["verdict"], "verdict": True}
            )
    for path in before["paths"]:
        if path["name"].casefold() not in names_after:
            changes.append(
                {"item": path["name"], "before": path["verdict"], "after": None, "verdict": True}
            )
    return changes
