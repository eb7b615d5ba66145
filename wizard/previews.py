"""What the preview column shows while a step is answered: the engine's verdict on the
saved answers, with this step's typed values written in once they are valid (an invalid
value is explained by its field, and the preview keeps the last valid answers)."""

from __future__ import annotations

import copy
from typing import Any

from wizard.answers_draft import has_headcount, to_engine_answers
from wizard.models import Assessment
from wizard.rules import AnswersInvalid, Plan, make_plan
from wizard.steps import Step


def candidate_answers(assessment: Assessment, step: Step, form: Any) -> dict[str, Any]:
    """The saved answers with this step's form written in, when the form is valid."""
    if form is not None and form.is_bound and form.is_valid():
        answers, _ = step.apply(assessment, form)
        return answers
    return copy.deepcopy(assessment.answers)


def plan_for(answers: dict[str, Any]) -> Plan | None:
    try:
        return make_plan(to_engine_answers(answers))
    except AnswersInvalid:
        return None


def preview_context(assessment: Assessment, step: Step, form: Any = None) -> dict[str, Any]:
    answers = candidate_answers(assessment, step, form)
    plan = plan_for(answers)
    context: dict[str, Any] = {
        "plan": plan,
        "headcount_known": has_headcount(answers),
    }
    if plan is not None:
        context["paths"] = list(zip(plan.paths, answers.get("critical_paths", []), strict=False))
        context["justified"] = sum(1 for path in plan.paths if path.verdict == "custom_ml")
    return context
