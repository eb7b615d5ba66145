"""Filters that format the engine's numbers and names for people, and draw the error
slots htmx fills in place."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import translation

from wizard import labels, money_format
from wizard.field_rendering import error_slot
from wizard.reason_wording import reasons_in_language

register = template.Library()


@register.filter
def money(value: Any, currency: str = "GBP") -> str:
    """An exact amount in the organisation's currency and the reader's language:
    "£66,666.67", "66.666,67 €"."""
    return money_format.exact_money(value, currency)


@register.filter
def money_for_people(value: Any, currency: str = "GBP", about: bool = True) -> str:
    """Money for a sentence or a heading: "about £67k", "£1.25M"; exact: `money`."""
    return money_format.money_for_people(value, currency, about)


@register.filter
def number(value: Any, decimals: int = 2) -> str:
    """A count or a quantity with the reader's separators: "1,250" / "1.250"."""
    if value is None or value == "":
        return "—"
    return money_format.number(value, decimals)


@register.filter
def reasons_in(item: Any, currency: str = "GBP") -> list[str]:
    """A plan's or a path's reasons in the reader's language (stored English for plans
    saved before reasons were kept as codes)."""
    return reasons_in_language(item, currency)


@register.filter
def verdict_label(value: str | None) -> str:
    return labels.label(labels.VERDICTS, value)


@register.filter
def role_label(value: str) -> str:
    return labels.label(labels.ROLES, value)


@register.filter
def stage_label(value: str) -> str:
    return labels.label(labels.STAGES, value)


@register.filter
def kind_label(value: str) -> str:
    return labels.label(labels.KINDS, value)


@register.filter
def level_name(value: int) -> str:
    """A maturity level's name: 2 as "Pilot"."""
    return labels.label(labels.LEVELS, value)


@register.filter
def numbered_level(value: int) -> str:
    """A maturity level with its number: 2 as "2 · Pilot"."""
    return labels.label(labels.NUMBERED_LEVELS, value)


@register.filter
def trigger_label(value: str) -> str:
    return labels.label(labels.TRIGGERS, value)


@register.filter
def maintenance_label(value: str) -> str:
    return labels.label(labels.MAINTENANCE, value)


@register.filter
def adequacy_label(value: str) -> str:
    return labels.label(labels.ADEQUACY, value)


@register.filter
def team_rows(team: Any, which: str = "groups") -> list[tuple[str, str, int]]:
    """(key, label, count) for each of a team's four groups, or with "all" its applied AI
    engineers too (who are counted inside the AI engineers)."""
    return labels.team_rows(team, None if which == "all" else labels.TEAM_GROUPS)


@register.filter
def lower_role(label: str) -> str:
    """A role's name inside a sentence: "applied AI engineer", keeping AI and ML capitals.
    Only English lowers it: German nouns keep their capitals ("Applied-AI-Engineer")."""
    if not (translation.get_language() or "en").startswith("en"):
        return str(label)
    first, _, rest = str(label).partition(" ")
    return f"{first if first in ('AI', 'ML') else first.lower()} {rest}".strip()


@register.filter
def whole(value: Any) -> Any:
    """4.0 as 4, for counts that pluralise a noun."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


@register.filter
def oob_error_slot(field: Any) -> str:
    """The field's error slot as an htmx out-of-band swap: its errors, or none, put in
    place beside the field as typed."""
    return error_slot(field, oob=True)
