"""Filters that format the engine's numbers and names for people, and draw the error
slots htmx fills in place."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext_lazy as _

from wizard.field_rendering import error_slot
from wizard.rules.money import format_money

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
VERDICTS = {
    "custom_ml": _("Custom model"),
    "foundation_model": _("Foundation model"),
    "gather_data": _("Gather data first"),
}
ROLES = {
    "applied_ai_engineer": _("Applied AI engineer"),
    "ai_engineer": _("AI engineer"),
    "ml_engineer": _("ML engineer"),
    "ml_infra_engineer": _("ML infrastructure engineer"),
    "ai_infra_engineer": _("AI infrastructure engineer"),
}
STAGES = {"startup": _("Startup"), "growth": _("Growth"), "enterprise": _("Enterprise")}
KINDS = {
    "predictive": _("Predictive"),
    "generative": _("Generative"),
    "agentic": _("Agentic"),
    "vision_audio": _("Vision or audio"),
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


@register.filter
def verdict_label(value: str | None) -> str:
    return "" if value is None else str(VERDICTS.get(value, value))


@register.filter
def role_label(value: str) -> str:
    return str(ROLES.get(value, value))


@register.filter
def stage_label(value: str) -> str:
    return str(STAGES.get(value, value))


@register.filter
def kind_label(value: str) -> str:
    return str(KINDS.get(value, value))


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
