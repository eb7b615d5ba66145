"""The wizard's steps, registered in order. Adding a step is a class (see base.py), its
templates and one line in `STEPS`; numbers, counts and links all follow from here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse

from wizard.steps.base import Step, StepForm, shown
from wizard.steps.hiring import HiringStep
from wizard.steps.maturity import MaturityStep
from wizard.steps.paths import PathsStep
from wizard.steps.roi import RoiStep

if TYPE_CHECKING:
    from wizard.models import Assessment

__all__ = [
    "STEPS",
    "STEP_COUNT",
    "Step",
    "StepForm",
    "registered",
    "resume_url",
    "shown",
    "step_after",
    "step_before",
    "step_for_slug",
    "step_url",
]


def _register(*steps: Step) -> tuple[Step, ...]:
    for number, step in enumerate(steps, start=1):
        step.number = number
        step.is_last = number == len(steps)
    return steps


STEPS: tuple[Step, ...] = _register(MaturityStep(), PathsStep(), RoiStep(), HiringStep())
STEP_COUNT = len(STEPS)
_BY_SLUG = {step.slug: step for step in STEPS}


def registered(step_class: type[Step]) -> Step:
    """The registered instance of `step_class`, for a step that refers to another."""
    return next(step for step in STEPS if isinstance(step, step_class))


def step_for_slug(slug: str) -> Step | None:
    return _BY_SLUG.get(slug)


def step_before(step: Step) -> Step | None:
    return STEPS[step.number - 2] if step.number > 1 else None


def step_after(step: Step) -> Step | None:
    return None if step.is_last else STEPS[step.number]


def step_url(assessment: Assessment, step: Step) -> str:
    return reverse("step", args=[assessment.code, step.slug])


def current_step(assessment: Assessment) -> Step:
    """The step a draft resumes at: the furthest reached, at most the last."""
    return STEPS[min(assessment.furthest_step, STEP_COUNT) - 1]


def resume_url(assessment: Assessment) -> str:
    """Where an assessment picks up: its report once finished, else the furthest step."""
    if assessment.is_complete:
        return reverse("report", args=[assessment.code])
    return step_url(assessment, current_step(assessment))
