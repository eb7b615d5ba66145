"""Filters that format the engine's numbers and names for people, and draw the error
slots htmx fills in place."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext as _

from wizard import labels
from wizard.field_rendering import error_slot
from wizard.rules.money import format_money, round_for_people

register = template.Library()

CURRENCY_SYMBOLS = {
    "GBP": "£",
    "EUR": "€",
    "USD": "$",
    "AUD": "A$",
    "CAD": "C$",
    "NZD": "NZ$",
    "SGD": "S$",
    "JPY": "¥",
    "INR": "₹",
}


@register.filter
def money(value: Any, currency: str = "GBP") -> str:
    """An exact amount in the organisation's currency: "£66,666.67"."""
    if value is None or value == "":
        return "—"
    symbol = CURRENCY_SYMBOLS.get(currency)
    amount = format_money(float(value))
    negative = amount.startswith("-")
    amount = amount.lstrip("-")
    text = f"{symbol}{amount}" if symbol else f"{amount} {currency}"
    return f"−{text}" if negative else text


def with_currency(amount: str, currency: str) -> str:
    """A formatted amount with its currency: "£540k", "52k CHF"; negatives get a minus."""
    negative = amount.startswith("-")
    amount = amount.lstrip("-")
    symbol = CURRENCY_SYMBOLS.get(currency)
    text = f"{symbol}{amount}" if symbol else f"{amount} {currency}"
    return f"−{text}" if negative else text


@register.filter
def money_for_people(value: Any, currency: str = "GBP", about: bool = True) -> str:
    """Money for a sentence or a heading: "about £67k", "£1.25M"; exact: `money`."""
    if value is None or value == "":
        return "—"
    rounded = round_for_people(float(value))
    text = with_currency(rounded.text, currency)
    if rounded.exact or not about:
        return text
    return _("about %(amount)s") % {"amount": text}


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
    """A role's name inside a sentence: "applied AI engineer", keeping AI and ML capitals."""
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
