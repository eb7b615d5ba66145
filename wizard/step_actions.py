"""What a step's POST asks for, and what a conflicting save would overwrite."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import QueryDict

from wizard.models import Assessment
from wizard.steps import Step, shown


@dataclass(frozen=True)
class StepAction:
    kind: str  # "continue", "save", "add" (a path row) or "remove" (a path row)
    data: QueryDict
    expected_version: int


def _int(value: str | None) -> int:
    try:
        return int(value or "")
    except ValueError:
        return 0  # never a real version, so the save is refused as stale, not guessed


def parse_action(post: QueryDict) -> StepAction:
    """Read the button pressed (Enter means Continue) and the version the page was built on.

    `take_version` is sent by "Keep my answers" after a conflict: the user has seen the
    other save and chosen to replace it.
    """
    # Without a button named, Enter was pressed (Continue), or "Keep my answers" was
    # chosen without JavaScript, which only saves.
    action = post.get("action") or ("save" if post.get("take_version") else "continue")
    expected = _int(post.get("take_version") or post.get("version"))
    data = post.copy()
    if action == "add":
        total = _int(data.get("paths-TOTAL_FORMS"))
        data["paths-TOTAL_FORMS"] = str(total + 1)
        return StepAction("add", data, expected)
    if action.startswith("remove-"):
        data[f"paths-{_int(action.removeprefix('remove-'))}-DELETE"] = "on"
        return StepAction("remove", data, expected)
    return StepAction(action if action in ("continue", "save") else "continue", data, expected)


def _flatten(step: Step, values: Any) -> dict[str, Any]:
    if isinstance(values, list):
        rows = [row for row in values if row and not row.get("DELETE")]
        return {
            f"{step.slug}-{i}-{key}": value
            for i, row in enumerate(rows)
            for key, value in row.items()
            if key not in ("source", "DELETE")
        }
    return {f"{step.slug}-{key}": value for key, value in (values or {}).items()}


def _comparable(value: Any) -> str:
    value = shown(value)
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def conflicting_fields(step: Step, current: Assessment, form: Any) -> list[dict[str, str]]:
    """Each answer whose saved value (from the other save) differs from the one sent."""
    saved = _flatten(step, step.initial(current))
    mine = _flatten(step, form.cleaned_data if form.is_valid() else {})
    differences = []
    for key in sorted(set(saved) | set(mine)):
        before, after = _comparable(saved.get(key)), _comparable(mine.get(key))
        if before != after:
            differences.append(
                {"field": key, "label": _label(step, form, key), "saved": before, "yours": after}
            )
    return differences


def _label(step: Step, form: Any, key: str) -> str:
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
