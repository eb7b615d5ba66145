"""Step 2: the organisation's critical paths, one row each, added and removed in place."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wizard.forms import path_formset
from wizard.rules import limits
from wizard.steps.base import Step, StepForm

if TYPE_CHECKING:
    from wizard.models import Assessment


def _kept(data: dict[str, Any] | None) -> bool:
    """Whether a row is a path to keep: not removed, and not a blank row nobody filled in."""
    return bool(data) and not data.get("DELETE") and bool(data.get("name"))


class PathsStep(Step):
    slug = "paths"
    title = gettext_lazy("Which processes are your critical paths?")
    short_title = gettext_lazy("Critical paths")

    def initial(self, assessment: Assessment) -> list[dict[str, Any]]:
        descriptions = assessment.path_descriptions
        return [
            {
                "name": path["name"],
                "kind": path["kind"],
                "description": descriptions[i] if i < len(descriptions) else "",
                "source": i,
            }
            for i, path in enumerate(assessment.answers.get("critical_paths", []))
        ]

    def form(self, data: Any, initial: Any, *, add_row: bool = False) -> StepForm:
        # An empty list shows one blank row, so there is always somewhere to start.
        blank_rows = 1 if add_row or not initial else 0
        formset = path_formset(blank_rows)(data, initial=initial, prefix=self.slug)
        if add_row and formset.forms:
            # The row just added is where the user will type next.
            formset.forms[-1].fields["name"].widget.attrs["autofocus"] = True
        return formset

    def write(
        self, answers: dict[str, Any], descriptions: list[str], form: StepForm
    ) -> tuple[dict[str, Any], list[str]]:
        old_paths = answers.get("critical_paths", [])
        new_paths: list[dict[str, Any]] = []
        new_descriptions: list[str] = []
        for row in form.forms:
            data = row.cleaned_data
            if not _kept(data):
                continue
            source = data.get("source")
            path = dict(old_paths[source]) if source is not None and source < len(old_paths) else {}
            path.update(name=data["name"], kind=data["kind"])
            new_paths.append(path)
            new_descriptions.append(data.get("description", ""))
        answers["critical_paths"] = new_paths
        return answers, new_descriptions

    def row_titles(self, assessment: Assessment, form: StepForm) -> list[str]:
        return [_("Path %(number)s") % {"number": i} for i in range(1, len(form.forms) + 1)]

    def extra_context(self, assessment: Assessment, form: StepForm) -> dict[str, Any]:
        return {"max_paths": limits.MAX_CRITICAL_PATHS}

    def saved_inputs(self, form: StepForm) -> list[dict[str, str]]:
        """Each kept row now edits the saved path at its new place: tell the page, so the
        next save's `source` fields point at the right paths."""
        inputs = []
        kept = 0
        for row_form in form.forms:
            if _kept(row_form.cleaned_data):
                name = row_form.add_prefix("source")
                inputs.append({"name": name, "id": f"id_{name}", "value": str(kept)})
                kept += 1
        return inputs
