"""What differs between two of the engine's plans, item by item, in words: for the what-if
panel (the stored plan against a what-if) and for comparing two assessments.

Paths are matched by the engine's own `name_key`, the key it checks names are unique by.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from wizard import labels
from wizard.rules import Plan
from wizard.rules.field_checks import name_key


@dataclass(frozen=True)
class Item:
    """One line of a comparison: what it is and how each plan reads."""

    key: str
    label: str
    before: str
    after: str
    verdict: bool = False

    @property
    def changed(self) -> bool:
        return self.before != self.after


def plan_items(before: Plan, after: Plan) -> list[Item]:
    """Maturity level, stage and each team count, of both plans, changed or not."""
    items = [
        Item(
            "maturity",
            _("Maturity level"),
            labels.label(labels.NUMBERED_LEVELS, before.maturity.level),
            labels.label(labels.NUMBERED_LEVELS, after.maturity.level),
        ),
        Item(
            "stage",
            _("Stage"),
            labels.label(labels.STAGES, before.stage),
            labels.label(labels.STAGES, after.stage),
        ),
    ]
    before_team = dict((key, count) for key, _label, count in labels.team_rows(before.team))
    for key, label, count in labels.team_rows(after.team):
        items.append(Item(key, label, str(before_team[key]), str(count)))
    return items


def verdict_changes(before: Plan, after: Plan) -> list[Item]:
    """Each path whose verdict differs, or that only one of the plans assessed."""
    not_assessed = _("not assessed")
    verdicts_before = {name_key(path.name): path.verdict for path in before.paths}
    keys_after = set()
    changes = []
    for path in after.paths:
        key = name_key(path.name)
        keys_after.add(key)
        old = verdicts_before.get(key)
        if old != path.verdict:
            was = not_assessed if old is None else labels.label(labels.VERDICTS, old)
            now = labels.label(labels.VERDICTS, path.verdict)
            changes.append(Item(f"path:{key}", path.name, was, now, verdict=True))
    for path in before.paths:
        key = name_key(path.name)
        if key not in keys_after:
            was = labels.label(labels.VERDICTS, path.verdict)
            changes.append(Item(f"path:{key}", path.name, was, not_assessed, verdict=True))
    return changes


def plan_changes(before: Plan, after: Plan) -> list[Item]:
    """Only what changed: the plan's items, then the paths' verdicts."""
    return [item for item in plan_items(before, after) if item.changed] + verdict_changes(
        before, after
    )
