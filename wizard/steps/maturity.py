"""Step 1: how far the organisation's use of AI has come."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from wizard.forms import MaturityForm
from wizard.steps.base import Step, StepForm, shown_dict

if TYPE_CHECKING:
    from wizard.models import Assessment


class MaturityStep(Step):
    slug = "maturity"
    title = _("How mature is your use of AI?")
    short_title = _("Maturity")

    def initial(self, assessment: Assessment) -> dict[str, Any]:
        maturity = dict(assessment.answers.get("maturity", {}))
        if maturity.get("declared_level") is None:
            maturity["declared_level"] = ""
        return shown_dict(maturity)

    def form(self, data: Any, initial: Any, *, add_row: bool = False) -> StepForm:
        return MaturityForm(data, initial=initial)

    def write(
        self, answers: dict[str, Any], descriptions: list[str], form: StepForm
    ) -> tuple[dict[str, Any], list[str]]:
        answers["maturity"] = dict(form.cleaned_data)
        return answers, descriptions
