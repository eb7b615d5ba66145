"""Step 4: the organisation's size, its priorities, the team's costs and hiring pace."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from wizard.forms import HiringForm
from wizard.steps.base import Step, StepForm, shown_dict

if TYPE_CHECKING:
    from wizard.models import Assessment

PRIORITIES = ("ship_quickly", "integrate_existing_systems")
# The team's cost and the pace of hiring (rules C and Q); the build cost's assumptions are
# asked in the ROI step, beside the build costs.
ASSUMPTIONS = (
    "ai_engineer_annual_cost",
    "infra_engineer_annual_cost",
    "months_to_hire",
    "hires_per_quarter",
)


class HiringStep(Step):
    slug = "hiring"
    title = _("Whom should you hire?")
    short_title = _("Hiring")

    def initial(self, assessment: Assessment) -> dict[str, Any]:
        answers = assessment.answers
        organisation = answers.get("organisation", {})
        initial = {**answers.get("priorities", {}), **answers.get("assumptions", {})}
        if "headcount" in organisation:
            initial["headcount"] = organisation["headcount"]
        elif assessment.organisation is not None:
            initial["headcount"] = assessment.organisation.headcount
        return shown_dict(initial)

    def form(self, data: Any, initial: Any, *, add_row: bool = False) -> StepForm:
        return HiringForm(data, initial=initial)

    def write(
        self, answers: dict[str, Any], descriptions: list[str], form: StepForm
    ) -> tuple[dict[str, Any], list[str]]:
        data = form.cleaned_data
        answers.setdefault("organisation", {})["headcount"] = data["headcount"]
        answers["priorities"] = {key: data[key] for key in PRIORITIES}
        answers["assumptions"] = {
            **answers.get("assumptions", {}),
            **{key: data[key] for key in ASSUMPTIONS},
        }
        return answers, descriptions
