"""What a step's POST asks for: the button pressed and the version the page was built on."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import QueryDict

from wizard.steps import Step


@dataclass(frozen=True)
class StepAction:
    kind: str  # "continue", "save", "add" (a row) or "remove" (a row)
    data: QueryDict
    expected_version: int

    @property
    def advances(self) -> bool:
        return self.kind == "continue"

    @property
    def adds_row(self) -> bool:
        return self.kind == "add"


def _int(value: str | None) -> int:
    try:
        return int(value or "")
    except ValueError:
        return 0  # never a real version, so the save is refused as stale, not guessed


def parse_action(post: QueryDict, step: Step) -> StepAction:
    """Read the button pressed (Enter means Continue) and the version the page was built on.

    `take_version` is sent by "Keep my answers" after a conflict: the user has seen the
    other save and chosen to replace it. "add" and "remove-N" act on the rows of a step
    whose form is a formset (prefixed with the step's slug).
    """
    # Without a button named, Enter was pressed (Continue), or "Keep my answers" was
    # chosen without JavaScript, which only saves.
    action = post.get("action") or ("save" if post.get("take_version") else "continue")
    expected = _int(post.get("take_version") or post.get("version"))
    data = post.copy()
    if action == "add":
        total = _int(data.get(f"{step.slug}-TOTAL_FORMS"))
        data[f"{step.slug}-TOTAL_FORMS"] = str(total + 1)
        return StepAction("add", data, expected)
    if action.startswith("remove-"):
        data[f"{step.slug}-{_int(action.removeprefix('remove-'))}-DELETE"] = "on"
        return StepAction("remove", data, expected)
    return StepAction(action if action in ("continue", "save") else "continue", data, expected)
