"""Form fields built from the engine's ranges, so the web forms accept exactly what the
engine accepts and say so in the same words."""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wizard.money_format import describe_range, number_marks
from wizard.rules import NumberRange
from wizard.rules.field_checks import Rejected, check_name
from wizard.rules.limits import MAX_PATH_NAME_LENGTH

# People write 250,000 or 250 000 (in German 250.000 or 250 000, and 2,5 for 2.5); the
# reader's language decides which mark groups thousands and which starts the decimals.
_SPACING = re.compile(r"[\s_\u00a0\u202f'\u2019]")
# 1e6, 2.5E3: short for a scientist, a typo for anyone else; refused the same way in every
# number field rather than read by some (floats) and refused by others (integers).
_EXPONENT = re.compile(r"\d[eE][+-]?\d")


def plain_number(text: str, *, money: bool = False) -> str:
    """`text` as Python reads a number: without thousands separators and spaces, with a
    full stop for decimals and, for an amount of money, without its currency symbol
    ("£250,000" → "250000"; in German "250.000 €" → "250000", "2,5" → "2.5").

    Raises ValidationError for exponent notation ("1e6").
    """
    if money:
        text = "".join(char for char in text if unicodedata.category(char) != "Sc")
    group, decimal = number_marks()
    text = _SPACING.sub("", text).replace(group, "")
    if decimal != ".":
        text = text.replace(decimal, ".")
    if _EXPONENT.search(text):
        raise ValidationError(
            _("Write the number out in full, such as 1,000,000 rather than 1e6."),
            code="exponent",
        )
    return text


class _HumanNumberMixin:
    number_range: NumberRange
    money: bool = False

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = plain_number(value, money=self.money)
        return super().to_python(value)  # type: ignore[misc]

    def validate(self, value: Any) -> None:
        super().validate(value)  # type: ignore[misc]
        if value in self.empty_values:  # type: ignore[attr-defined]
            return
        if isinstance(value, float) and not math.isfinite(value):
            raise ValidationError(self.error_messages["invalid"], code="invalid")  # type: ignore[attr-defined]
        if not self.number_range.contains(value):
            raise ValidationError(self.error_messages["invalid"], code="range")  # type: ignore[attr-defined]


class RangeIntegerField(_HumanNumberMixin, forms.IntegerField):
    pass


class RangeFloatField(_HumanNumberMixin, forms.FloatField):
    pass


def number_field(
    number_range: NumberRange,
    *,
    label: Any,
    help_text: Any = "",
    required: bool = True,
    money: bool = False,
    **kwargs: Any,
) -> forms.Field:
    """A text input for a number in `number_range`, with the engine's wording on error.
    With `money`, a currency symbol typed with the amount is accepted and ignored."""
    # Lazy, so a form built once speaks the language of each request that shows it.
    message = format_lazy(_("Enter {range}."), range=lazy(describe_range, str)(number_range))
    field_class = RangeIntegerField if number_range.integer else RangeFloatField
    field = field_class(
        label=label,
        help_text=help_text,
        required=required,
        # A text input with a numeric keyboard: type=number would reject "250,000" and
        # silently change values when a user scrolls over it.
        widget=forms.TextInput(
            attrs={"inputmode": "decimal" if not number_range.integer else "numeric"}
        ),
        error_messages={"invalid": message, "required": message},
        **kwargs,
    )
    field.number_range = number_range
    field.money = money
    return field


class CountedCharField(forms.CharField):
    """A text field whose limit is told, not enforced by the browser: `maxlength` would cut
    a long paste short without a word. The field's counter (wizard/jinja2/wizard/field.html,
    kept live by static/js/wizard.js) shows the limit, and the server refuses a longer value
    with a message saying by how much."""

    def __init__(self, *, max_length: int, **kwargs: Any) -> None:
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"].setdefault(
            "max_length",
            _("Keep this to %(limit_value)d characters or fewer: it has %(show_value)d."),
        )
        super().__init__(max_length=max_length, **kwargs)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        attrs["data-max-length"] = str(self.max_length)
        return attrs


def validate_path_name(value: str) -> None:
    """The engine's rule for a path's name: trimmed, 1 to 120 characters, printable. (A
    name too long is the field's own `max_length` message, with its count.)"""
    if len(value) > MAX_PATH_NAME_LENGTH:
        return
    try:
        check_name(value)
    except Rejected as rejected:
        raise ValidationError(rejected.message, code="invalid") from None
