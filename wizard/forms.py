"""The four step forms. Every bound and default comes from the engine's `limits`."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wizard import labels
from wizard.field_rendering import RENDERER, RenderedForm
from wizard.form_fields import CountedCharField, number_field, validate_path_name
from wizard.money_format import number as reader_number
from wizard.rules import limits
from wizard.rules.field_checks import name_key

# A default shown in help text, with the separators of the language of the page.
lazy_number = lazy(reader_number, str)

KIND_CHOICES = labels.KIND_CHOICES
MAINTENANCE_CHOICES = labels.MAINTENANCE_CHOICES
ADEQUACY_CHOICES = labels.ADEQUACY_CHOICES
LEVEL_CHOICES = [("", _("No: use the level my answers point to")), *labels.LEVEL_CHOICES]


class StepForm(RenderedForm):
    """The template owns the <form> tag and the buttons; each field is drawn by
    `{{ field.as_field_group }}` (wizard/field_rendering.py)."""


class MaturityForm(StepForm):
    working_pilots = number_field(
        limits.WORKING_PILOTS,
        label=_("How many AI pilots work today?"),
        help_text=_(
            "Prototypes that do their job for real users or data, but are not yet part of daily operations."
        ),
        initial=limits.DEFAULT_WORKING_PILOTS,
    )
    systems_in_production = number_field(
        limits.SYSTEMS_IN_PRODUCTION,
        label=_("How many AI systems run in production?"),
        help_text=_("Systems your business relies on every day, monitored and supported."),
        initial=limits.DEFAULT_SYSTEMS_IN_PRODUCTION,
    )
    optimising_at_scale = forms.BooleanField(
        label=_(
            "We are tuning AI systems at scale: measuring, comparing and improving them continuously"
        ),
        required=False,
        initial=limits.DEFAULT_OPTIMISING_AT_SCALE,
    )
    declared_level = forms.TypedChoiceField(
        label=_("Do you want to declare a different level?"),
        help_text=_(
            "Optional. If you believe the count above misses something, say where you stand; the plan will use your level and show the difference."
        ),
        choices=LEVEL_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
    )


class PathForm(StepForm):
    name = CountedCharField(
        label=_("Name"),
        max_length=limits.MAX_PATH_NAME_LENGTH,
        validators=[validate_path_name],
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    kind = forms.ChoiceField(
        label=_("Kind of work"),
        choices=[("", _("Choose…")), *KIND_CHOICES],
        error_messages={"required": _("Choose the kind of work this path needs.")},
    )
    description = CountedCharField(
        label=_("The process, in one line"),
        required=False,
        max_length=200,
        help_text=_("Optional, for your readers: what happens today and what AI would change."),
    )
    # Which saved path this row edits, so its step-3 answers follow it through renames.
    source = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def has_changed(self) -> bool:
        """Whether the row holds a path at all: blank rows are skipped, filled ones never."""
        if not self.is_bound:
            return super().has_changed()
        return bool(
            (self.data.get(self.add_prefix("name")) or "").strip()
            or self.data.get(self.add_prefix("kind"))
        )


class BasePathFormSet(forms.BaseFormSet):
    """A row counts as blank (and is skipped, not refused) when it has neither a name nor a
    kind, whatever the management form says: after an autosave the page's INITIAL_FORMS
    is out of date, and a row that matches its saved path is still a path."""

    def _construct_form(self, i: int, **kwargs: Any) -> forms.Form:
        kwargs["empty_permitted"] = True
        return super()._construct_form(i, **kwargs)

    def clean(self) -> None:
        super().clean()
        seen: dict[str, int] = {}
        for number, form in enumerate(self.forms, start=1):
            if not form.has_changed() or self._should_delete_form(form):
                continue
            name = (form.cleaned_data or {}).get("name")
            if not name:
                continue
            key = name_key(name)
            if key in seen:
                form.add_error(
                    "name",
                    _("Path %(other)s already has this name; give each path its own.")
                    % {"other": seen[key]},
                )
            else:
                seen[key] = number


def path_formset(blank_rows: int = 0) -> type[BasePathFormSet]:
    """The critical-paths formset, with `blank_rows` empty rows after the saved ones."""
    return forms.formset_factory(
        PathForm,
        formset=BasePathFormSet,
        extra=blank_rows,
        can_delete=True,
        max_num=limits.MAX_CRITICAL_PATHS,
        absolute_max=limits.MAX_CRITICAL_PATHS,
        validate_max=True,
        renderer=RENDERER,
    )


# What "a slightly better model" is worth depends on the kind of work: a forecast is more
# often right, a draft needs less rework, an agent's task more often ends well on its own.
ANNUAL_IMPACT_WORDING = {
    "predictive": (
        _("Yearly value of a 2–3 % accuracy gain"),
        _(
            "What a slightly more accurate model would be worth each year on this path: revenue kept, costs avoided."
        ),
    ),
    "generative": (
        _("Yearly value of slightly better drafts"),
        _(
            "What it would be worth each year if 2 or 3 in every 100 drafts, summaries or answers that need fixing today came out right first time: rework saved, replies sent sooner."
        ),
    ),
    "agentic": (
        _("Yearly value of a few more tasks done right unaided"),
        _(
            "What it would be worth each year if 2 or 3 in every 100 tasks that need a person to step in today were finished correctly on their own: hours saved, mistakes avoided."
        ),
    ),
    "vision_audio": (
        _("Yearly value of slightly better recognition"),
        _(
            "What it would be worth each year if images, video or speech were recognised correctly 2 or 3 times more in every 100: fewer misses, less checking by hand."
        ),
    ),
}


class RoiForm(StepForm):
    annual_impact = number_field(
        limits.ANNUAL_IMPACT,
        label=_("Yearly value of a 2–3 % accuracy gain"),
        help_text=_(
            "What a slightly more accurate model would be worth each year on this path: revenue kept, costs avoided."
        ),
        initial=limits.DEFAULT_ANNUAL_IMPACT,
        money=True,
    )
    labelled_examples = number_field(
        limits.LABELLED_EXAMPLES,
        label=_("Labelled examples you have"),
        help_text=_(
            "Past cases with the right answer recorded. A custom model needs at least 10,000."
        ),
        initial=limits.DEFAULT_LABELLED_EXAMPLES,
    )
    months_to_build = number_field(
        limits.MONTHS_TO_BUILD,
        label=_("Months to build and validate"),
        help_text=_("Typically 3 to 6 months for one ML engineer."),
        initial=limits.DEFAULT_MONTHS_TO_BUILD,
    )
    maintenance = forms.ChoiceField(
        label=_("Upkeep once live"), choices=MAINTENANCE_CHOICES, initial=limits.DEFAULT_MAINTENANCE
    )
    foundation_model_adequate = forms.ChoiceField(
        label=_("Could a foundation model do this job?"),
        choices=ADEQUACY_CHOICES,
        initial=limits.DEFAULT_FOUNDATION_MODEL_ADEQUATE,
    )
    needs_explainability = forms.BooleanField(
        label=_("A regulator or auditor needs the model explained"),
        required=False,
        initial=limits.DEFAULT_NEEDS_EXPLAINABILITY,
    )

    def word_for_kind(self, kind: str) -> None:
        """Ask the yearly-value question in the terms of this path's kind of work."""
        wording = ANNUAL_IMPACT_WORDING.get(kind)
        if wording is not None:
            field = self.fields["annual_impact"]
            field.label, field.help_text = wording


class BuildCostForm(StepForm):
    """The two answers every path's build cost and net value depend on, asked beside them."""

    ml_engineer_annual_cost = number_field(
        limits.ML_ENGINEER_ANNUAL_COST,
        label=_("Yearly cost of one ML engineer"),
        help_text=format_lazy(
            _(
                "Fully loaded: salary, benefits, equipment and overheads, in your currency. Default: {default}. It prices each path's build."
            ),
            default=lazy_number(limits.DEFAULT_ML_ENGINEER_ANNUAL_COST, 0),
        ),
        initial=limits.DEFAULT_ML_ENGINEER_ANNUAL_COST,
        money=True,
    )
    horizon_years = number_field(
        limits.HORIZON_YEARS,
        label=_("Years a custom model must pay back within"),
        help_text=format_lazy(
            _(
                "The horizon for every path's net value. Three years is a common choice. Default: {default}."
            ),
            default=limits.DEFAULT_HORIZON_YEARS,
        ),
        initial=limits.DEFAULT_HORIZON_YEARS,
    )


class BaseRoiFormSet(forms.BaseFormSet):
    """The paths' rows, and beside them (`companion`) the ML engineer's cost and horizon
    that every row's build cost uses; valid only when both are."""

    def __init__(self, *args: Any, companion_initial: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.companion = BuildCostForm(
            self.data if self.is_bound else None,
            initial=companion_initial,
            prefix=f"{self.prefix}-costs",
        )

    def is_valid(self) -> bool:
        rows_valid = super().is_valid()
        return self.companion.is_valid() and rows_valid


# formset_factory's stub returns a plain BaseFormSet class; this one is BaseRoiFormSet's.
RoiFormSet = cast(
    "type[BaseRoiFormSet]",
    forms.formset_factory(
        RoiForm,
        formset=BaseRoiFormSet,
        extra=0,
        max_num=limits.MAX_CRITICAL_PATHS,
        absolute_max=limits.MAX_CRITICAL_PATHS,
        renderer=RENDERER,
    ),
)


class HiringForm(StepForm):
    headcount = number_field(
        limits.HEADCOUNT,
        label=_("People in the organisation"),
        help_text=_(
            "Everyone on the payroll today. This sets your stage: under 20 is a startup, 20 to 99 growth, 100 or more enterprise."
        ),
    )
    ship_quickly = forms.BooleanField(
        label=_("Shipping working systems quickly matters most"), required=False
    )
    integrate_existing_systems = forms.BooleanField(
        label=_("AI must fit into systems and processes we already run"), required=False
    )
    ai_engineer_annual_cost = number_field(
        limits.AI_ENGINEER_ANNUAL_COST,
        label=_("Yearly cost of one AI engineer"),
        help_text=format_lazy(
            _(
                "Fully loaded, applied AI engineers too. Default: {default}. It prices the team a year."
            ),
            default=lazy_number(limits.DEFAULT_AI_ENGINEER_ANNUAL_COST, 0),
        ),
        initial=limits.DEFAULT_AI_ENGINEER_ANNUAL_COST,
        money=True,
    )
    infra_engineer_annual_cost = number_field(
        limits.INFRA_ENGINEER_ANNUAL_COST,
        label=_("Yearly cost of one infrastructure engineer"),
        help_text=format_lazy(
            _("Fully loaded, for ML and AI infrastructure alike. Default: {default}."),
            default=lazy_number(limits.DEFAULT_INFRA_ENGINEER_ANNUAL_COST, 0),
        ),
        initial=limits.DEFAULT_INFRA_ENGINEER_ANNUAL_COST,
        money=True,
    )
    months_to_hire = number_field(
        limits.MONTHS_TO_HIRE,
        label=_("Months from opening a role to the person starting"),
        help_text=format_lazy(
            _("Search, interviews, offer and notice period. Default: {default}."),
            default=limits.DEFAULT_MONTHS_TO_HIRE,
        ),
        initial=limits.DEFAULT_MONTHS_TO_HIRE,
    )
    hires_per_quarter = number_field(
        limits.HIRES_PER_QUARTER,
        label=_("Roles you can open in one quarter"),
        help_text=format_lazy(
            _(
                "How many searches your hiring managers and recruiters can run at once. Default: {default}."
            ),
            default=limits.DEFAULT_HIRES_PER_QUARTER,
        ),
        initial=limits.DEFAULT_HIRES_PER_QUARTER,
    )
