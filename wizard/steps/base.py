"""What every wizard step is: a form over part of the draft, how the draft fills it, how a
valid form is written back, and what its page shows besides the form."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any, ClassVar

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from wizard.answers_draft import Draft
from wizard.money_format import number

if TYPE_CHECKING:
    from wizard.models import Assessment

StepForm = forms.Form | forms.BaseFormSet


def shown(value: Any) -> Any:
    """A number as a person would type it: 4 rather than 4.0, 2,000 with separators (the
    reader's: 2.000 in German, which is how the field reads it back)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 1_000:
        return number(value, 0)
    return value


def shown_dict(values: dict[str, Any]) -> dict[str, Any]:
    return {key: shown(value) for key, value in values.items()}


class Step:
    """One step of the wizard. A subclass names itself (`slug`, titles), builds its form
    from the draft and writes the valid form back; its templates are found by its slug
    (wizard/steps/<slug>.html, <slug>_intro.html, wizard/previews/<slug>.html).

    `number` and `is_last` are set when the step is registered (wizard/steps/__init__.py).
    """

    slug: ClassVar[str]
    title: ClassVar[Promise]
    short_title: ClassVar[Promise]
    number: int = 0
    is_last: bool = False

    # --- templates ---------------------------------------------------------------------
    @property
    def template_name(self) -> str:
        return f"wizard/steps/{self.slug}.html"

    @property
    def intro_template_name(self) -> str:
        return f"wizard/steps/{self.slug}_intro.html"

    @property
    def preview_template_name(self) -> str:
        return f"wizard/previews/{self.slug}.html"

    # --- reading the draft into a form -------------------------------------------------
    def initial(self, assessment: Assessment) -> Any:
        """The form's initial data, from the saved draft."""
        raise NotImplementedError

    def form(self, data: Any, initial: Any, *, add_row: bool = False) -> StepForm:
        """The bound (with `data`) or unbound form or formset."""
        raise NotImplementedError

    def build(self, assessment: Assessment, data: Any = None, *, add_row: bool = False) -> StepForm:
        """This step's form for `assessment`, bound to `data` when given."""
        return self.form(data, self.initial(assessment), add_row=add_row)

    # --- writing a valid form back into the draft --------------------------------------
    def write(
        self, answers: dict[str, Any], descriptions: list[str], form: StepForm
    ) -> tuple[dict[str, Any], list[str]]:
        """Write this step's cleaned values into `answers` (a copy, changed in place)."""
        raise NotImplementedError

    def draft(self, assessment: Assessment, form: StepForm) -> Draft:
        """The saved draft with this step's valid form written in, checked by the engine."""
        answers, descriptions = self.write(
            copy.deepcopy(assessment.answers), list(assessment.path_descriptions), form
        )
        return Draft(answers, descriptions)

    # --- what the page shows besides the form ------------------------------------------
    def extra_context(self, assessment: Assessment, form: StepForm) -> dict[str, Any]:
        """More for the step's template (its rows beside their paths' names, say)."""
        return {}

    def row_titles(self, assessment: Assessment, form: StepForm) -> list[str]:
        """What the error summary calls each row of a formset step."""
        return [_("Row %(number)s") % {"number": i} for i in range(1, len(form.forms) + 1)]

    def error_summary(self, assessment: Assessment, form: StepForm) -> list[dict[str, str]]:
        """Each refused answer of a posted form, for the summary at the top of the page:
        the field's id (the summary links to it), what it is called, and why."""
        rows = getattr(form, "forms", None)
        groups = (
            [("", form)]
            if rows is None
            else zip(self.row_titles(assessment, form), rows, strict=False)
        )
        entries = []
        for title, row in groups:
            for field in row:
                if field.is_hidden:
                    continue
                label = f"{title}, {field.label}" if title else str(field.label)
                entries.extend(
                    {"id": field.auto_id, "label": label, "message": str(error)}
                    for error in field.errors
                )
        general = form.non_field_errors() if rows is None else form.non_form_errors()
        entries.extend({"id": "step-form", "label": "", "message": str(e)} for e in general)
        return entries

    def saved_inputs(self, form: StepForm) -> list[dict[str, str]]:
        """Hidden inputs an autosave's answer refreshes in the page once `form` is saved."""
        return []

    # --- comparing with a save made elsewhere ------------------------------------------
    def conflicts(self, current: Assessment, form: StepForm) -> list[dict[str, str]]:
        """Each answer whose saved value (from the other save) differs from the one sent."""
        saved = self._flatten(self.initial(current))
        mine = self._flatten(form.cleaned_data if form.is_valid() else {})
        differences = []
        for key in sorted(set(saved) | set(mine)):
            before, after = _comparable(saved.get(key)), _comparable(mine.get(key))
            if before != after:
                differences.append(
                    {"field": key, "label": _label(form, key), "saved": before, "yours": after}
                )
        return differences

    def _flatten(self, values: Any) -> dict[str, Any]:
        if isinstance(values, list):
            rows = [row for row in values if row and not row.get("DELETE")]
            return {
                f"{self.slug}-{i}-{key}": value
                for i, row in enumerate(rows)
                for key, value in row.items()
                if key not in ("source", "DELETE")
            }
        return {f"{self.slug}-{key}": value for key, value in (values or {}).items()}

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.number}: {self.slug}>"


def _comparable(value: Any) -> str:
    value = shown(value)
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _label(form: Any, key: str) -> str:
    parts = key.split("-")
    field_name = parts[-1]
    # A formset's rows share their fields: any row's field gives the label.
    rows = getattr(form, "forms", None)
    source = rows[0] if rows else form
    field = source.fields.get(field_name) if hasattr(source, "fields") else None
    label = str(field.label) if field is not None else field_name
    if len(parts) == 3:
        return f"{int(parts[1]) + 1}. {label}"
    return label
