"""Checks on text the product prints on one line: names in headings, email subjects, lists."""

from __future__ import annotations

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Control characters (CR, LF, tab, NUL …), lone surrogates and the Unicode line and
# paragraph separators: none belongs in a name, and CR/LF would end an email header.
_NOT_ON_ONE_LINE = frozenset({"Cc", "Cs", "Zl", "Zp"})


def reject_control_characters(value: str) -> None:
    """Refuse a name that holds a line break, a tab or another control character."""
    if any(unicodedata.category(char) in _NOT_ON_ONE_LINE for char in value):
        raise ValidationError(
            _("Use one line of text, without line breaks, tabs or other control characters."),
            code="control_characters",
        )


def one_line(text: str) -> str:
    """`text` with every run of whitespace or control characters made one space: for text
    put into an email header, where a line break would start a header of its own."""
    cleaned = "".join(
        " " if unicodedata.category(char) in _NOT_ON_ONE_LINE else char for char in text
    )
    return " ".join(cleaned.split())
