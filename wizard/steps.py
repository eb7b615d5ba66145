"""The four steps: which form each shows, how it reads the draft and writes it back."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from django import forms
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from wizard.forms import HiringForm, MaturityForm, RoiFormSet, path_formset
from wizard.models import Assessment


def shown(value: Any) -> Any:
    """A number as a person would type it: 4 rather than 4.0, 250,000 with separators."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10_000:
        return f"{value:,}"
    return value


def _shown_dict(values: dict[str, Any]) -> dict[str, Any]:
    return {key: shown(value) for key, value in values.items()}


@dataclass(frozen=True)
class Step:
    number: int
    slug: str
    title: Promise
    short_title: Promise

    # --- reading the draft into a form ---------------------------------------------------
    def initial(self, assessment: Assessment) -> Any:
        answers = assessment.answers
        if self.slug == "maturity":
            maturity = dict(answers.get("maturity", {}))
            if maturity.get("declared_level") is None:
                maturity["declared_level"] = ""
            return _shown_dict(maturity)
        if self.slug == "paths":
            descriptions = assessment.path_descriptions
            return [
                {
                    "name": path["name"],
                    "kind": path["kind"],
                    "description": descriptions[i] if i < len(descriptions) else "",
                    "source": i,
                }
                for i, path in enumerate(answers.get("critical_paths", []))
            ]
        if self.slug == "roi":
            return [
                _shown_dict({k: v for k, v in path.items() if k not in ("name", "kind")})
                for path in answers.get("critical_paths", [])
            ]
        organisation = answers.get("organisation", {})
        initial = {
            **answers.get("priorities", {}),
            **answers.get("assumptions", {}),
        }
        if "headcount" in organisation:
            initial["headcount"] = organisation["headcount"]
        elif assessment.organisation is not None:
            initial["headcount"] = assessment.organisation.headcount
        return _shown_dict(initial)

    def build(
        self, assessment: Assessment, data: Any = None, *, add_row: bool = False
    ) -> forms.Form | forms.BaseFormSet:
        """The bound (with `data`) or unbound form or formset for this step."""
        initial = self.initial(assessment)
        if self.slug == "maturity":
            return MaturityForm(data, initial=initial)
        if self.slug == "paths":
            # An empty list shows one blank row, so there is always somewhere to start.
            blank_rows = 1 if add_row or not initial else 0
            formset = path_formset(blank_rows)(data, initial=initial, prefix="paths")
            if add_row and formset.forms:
                # The row just added is where the user will type next.
                formset.forms[-1].fields["name"].widget.attrs["autofocus"] = True
            return formset
        if self.slug == "roi":
            return RoiFormSet(data, initial=initial, prefix="roi")
        return HiringForm(data, initial=initial)

    # --- writing a valid form back into the draft ----------------------------------------
    def apply(
        self, assessment: Assessment, form: forms.Form | forms.BaseFormSet
    ) -> tuple[dict[str, Any], list[str]]:
        """New (answers, path_descriptions) with this step's cleaned values written in."""
        answers = copy.deepcopy(assessment.answers)
        descriptions = list(assessment.path_descriptions)
        if self.slug == "maturity":
            answers["maturity"] = dict(form.cleaned_data)
        elif self.slug == "paths":
            answers["critical_paths"], descriptions = _apply_paths(answers, descriptions, form)
        elif self.slug == "roi":
            for path, row in zip(
                answers.get("critical_paths", []), form.cleaned_data, strict=False
            ):
                path.update(row)
        else:
            data = form.cleaned_data
            answers.setdefault("organisation", {})["headcount"] = data["headcount"]
            answers["priorities"] = {
                key: data[key] for key in ("ship_quickly", "integrate_existing_systems")
            }
            answers["assumptions"] = {
                key: data[key] for key in ("ml_engineer_annual_cost", "horizon_years")
            }
        return answers, descriptions


def saved_row_positions(formset: forms.BaseFormSet) -> list[tuple[int, int]]:
    """(row, saved index) for each row `_apply_paths` keeps, so the page can be told
    which saved path each row now edits."""
    positions = []
    for row, form in enumerate(formset.forms):
        data = form.cleaned_data
        if data and not data.get("DELETE") and data.get("name"):
            positions.append((row, len(positions)))
    return positions


def _apply_paths(
    answers: dict[str, Any], descriptions: list[str], formset: forms.BaseFormSet
) -> tuple[list[dict[str, Any]], list[str]]:
    old_paths = answers.get("critical_paths", [])
    new_paths: list[dict[str, Any]] = []
    new_descriptions: list[str] = []
    for form in formset.forms:
        data = form.cleaned_data
        if not data or data.get("DELETE") or not data.get("name"):
            continue  # removed, or a blank row nobody filled in
        source = data.get("source")
        path = dict(old_paths[source]) if source is not None and source < len(old_paths) else {}
        path.update(name=data["name"], kind=data["kind"])
        new_paths.append(path)
        new_descriptions.append(data.get("description", ""))
    return new_paths, new_descriptions


STEPS: tuple[Step, ...] = (
    Step(1, "maturity", _("How mature is your use of AI?"), _("Maturity")),
    Step(2, "paths", _("Which processes are your critical paths?"), _("Critical paths")),
    Step(3, "roi", _("Does a custom model pay off?"), _("Custom ML or not")),
    Step(4, "hiring", _("Whom should you hire?"), _("Hiring")),
)
STEPS_BY_SLUG = {step.slug: step for step in STEPS}


def step_url(assessment: Assessment, step: Step) -> str:
    return reverse("step", args=[assessment.code, step.slug])


def resume_url(assessment: Assessment) -> str:
    """Where an assessment picks up: its report once finished, else the furthest step."""
    if assessment.is_complete:
        return reverse("report", args=[assessment.code])
    return step_url(assessment, STEPS[assessment.current_step - 1])
