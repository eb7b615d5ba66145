"""Form fields built from the engine's ranges, so the web forms accept exactly what the
engine accepts and say so in the same words."""

from __future__ import annotations

import math
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wizard.rules import NumberRange
from wizard.rules.field_checks import Rejected, check_name

# People write 250,000 or 250 000; both mean the same number.
_GROUPING = re.compile(r"[,\s_\u00a0\u202f']")


class _HumanNumberMixin:
    number_range: NumberRange

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = _GROUPING.sub("", value)
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
    **kwargs: Any,
) -> forms.Field:
    """A text input for a number in `number_range`, with the engine's wording on error."""
    message = _("Enter %(range)s.") % {"range": number_range.describe()}
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
    return field


def validate_path_name(value: str) -> None:
    """The engine's rule for a path's name: trimmed, 1 to 120 characters, printable."""
    try:
        check_name(value)
    except Rejected as rejected:
        raise ValidationError(rejected.message, code="invalid") from None
