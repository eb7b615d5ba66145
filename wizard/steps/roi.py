"""Step 3: for each critical path, whether a custom model would pay for itself."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from wizard.forms import RoiFormSet
from wizard.steps.base import Step, StepForm, shown, shown_dict
from wizard.steps.paths import PathsStep

if TYPE_CHECKING:
    from wizard.models import Assessment

# The path's own fields, asked in step 2.
_PATH_FIELDS = ("name", "kind")
# Asked here, beside the build costs they price (the formset's companion form).
BUILD_ASSUMPTIONS = ("ml_engineer_annual_cost", "horizon_years")


class RoiStep(Step):
    slug = "roi"
    title = _("Does a custom model pay off?")
    short_title = _("Custom ML or not")

    def initial(self, assessment: Assessment) -> list[dict[str, Any]]:
        return [
            shown_dict({k: v for k, v in path.items() if k not in _PATH_FIELDS})
            for path in assessment.answers.get("critical_paths", [])
        ]

    def form(self, data: Any, initial: Any, *, add_row: bool = False) -> StepForm:
        return RoiFormSet(data, initial=initial, prefix=self.slug)

    def build(self, assessment: Assessment, data: Any = None, *, add_row: bool = False) -> StepForm:
        assumptions = assessment.answers.get("assumptions", {})
        formset = RoiFormSet(  # type: ignore[call-arg]  # formset_factory types it as BaseFormSet
            data,
            initial=self.initial(assessment),
            prefix=self.slug,
            companion_initial=shown_dict(
                {key: assumptions[key] for key in BUILD_ASSUMPTIONS if key in assumptions}
            ),
        )
        for row, path in zip(
            formset.forms, assessment.answers.get("critical_paths", []), strict=False
        ):
            row.word_for_kind(path["kind"])
        return formset

    def write(
        self, answers: dict[str, Any], descriptions: list[str], form: StepForm
    ) -> tuple[dict[str, Any], list[str]]:
        for path, row in zip(answers.get("critical_paths", []), form.cleaned_data, strict=False):
            path.update(row)
        costs = form.companion.cleaned_data  # type: ignore[union-attr]
        answers["assumptions"] = {
            **answers.get("assumptions", {}),
            **{key: costs[key] for key in BUILD_ASSUMPTIONS},
        }
        return answers, descriptions

    def error_summary(self, assessment: Assessment, form: StepForm) -> list[dict[str, str]]:
        companion = form.companion  # type: ignore[union-attr]
        entries = [
            {"id": field.auto_id, "label": str(field.label), "message": str(error)}
            for field in companion
            for error in field.errors
        ]
        return entries + super().error_summary(assessment, form)

    def conflicts(self, current: Assessment, form: StepForm) -> list[dict[str, str]]:
        differences = super().conflicts(current, form)
        saved = current.answers.get("assumptions", {})
        companion = form.companion  # type: ignore[union-attr]
        mine = companion.cleaned_data if companion.is_valid() else {}
        for key in BUILD_ASSUMPTIONS:
            before, after = shown(saved.get(key)), shown(mine.get(key))
            if before != after:
                differences.append(
                    {
                        "field": f"{companion.prefix}-{key}",
                        "label": str(companion.fields[key].label),
                        "saved": str(before),
                        "yours": str(after),
                    }
                )
        return differences

    def row_titles(self, assessment: Assessment, form: StepForm) -> list[str]:
        return [path["name"] for path in assessment.answers.get("critical_paths", [])]

    def extra_context(self, assessment: Assessment, form: StepForm) -> dict[str, Any]:
        # The paths weighed here are named in the paths step, wherever it is registered.
        from wizard.steps import registered, step_url

        paths_step = registered(PathsStep)
        paths = assessment.answers.get("critical_paths", [])
        return {
            "roi_rows": list(zip(form.forms, paths, strict=False)),
            "paths_step": paths_step,
            "paths_url": step_url(assessment, paths_step),
        }
