"""Step 3: for each critical path, whether a custom model would pay for itself."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from wizard.forms import RoiFormSet
from wizard.steps.base import Step, StepForm, shown_dict
from wizard.steps.paths import PathsStep

if TYPE_CHECKING:
    from wizard.models import Assessment

# The path's own fields, asked in step 2.
_PATH_FIELDS = ("name", "kind")


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
        formset = super().build(assessment, data, add_row=add_row)
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
        return answers, descriptions

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
