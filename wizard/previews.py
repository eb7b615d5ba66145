"""What the preview column shows while a step is answered: the engine's verdict on a
draft (the saved answers, or the ones just saved), planned once per request."""

from __future__ import annotations

from typing import Any

from wizard.answers_draft import Draft, has_headcount


def preview_context(answers: dict[str, Any], draft: Draft | None = None) -> dict[str, Any]:
    """The preview of `draft`, or, without one, of the stored `answers`."""
    if draft is None:
        draft = Draft.saved(answers)
    plan = draft.plan if draft is not None else None
    context: dict[str, Any] = {
        "plan": plan,
        "headcount_known": has_headcount(answers),
    }
    if plan is not None:
        context["paths"] = list(zip(plan.paths, answers.get("critical_paths", []), strict=False))
        context["justified"] = sum(1 for path in plan.paths if path.verdict == "custom_ml")
    return context
