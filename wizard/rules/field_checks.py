"""Checks for single answer values: each returns the clean value or raises `Rejected`.

Every message says what was expected, and never echoes the raw value back:
a bad value may be huge or carry characters that cannot be printed.
"""

from __future__ import annotations

import math
import unicodedata
from typing import Final

from wizard.rules.limits import MAX_PATH_NAME_LENGTH, NumberRange

# Control characters, and lone surrogates (which JSON's \ud800 escapes can carry).
_FORBIDDEN_CATEGORIES: Final = frozenset({"Cc", "Cs"})


class Rejected(Exception):
    """A value was not acceptable; the message says what was expected."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def kind_of(value: object) -> str:
    """The JSON type of `value` in words, for "not …" hints."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, str):
        return "text"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "a value of another type"


def expectation(number_range: NumberRange) -> str:
    """The message for a value outside `number_range`, or missing."""
    return f"Expected {number_range.describe()}."


def check_number(value: object, number_range: NumberRange) -> int | float:
    """A number (or whole number, when the range asks for one) within the range.

    Ints are compared exactly, whatever their size, so 10**400 is simply out
    of range rather than an overflow; whole floats such as 4.0 become ints
    where an integer is asked for.
    """
    # Messages are built only on failure: valid answers are the hot path of the API.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Rejected(f"Expected {number_range.describe()}, not {kind_of(value)}.")
    number: int | float
    if isinstance(value, float):
        if not math.isfinite(value):
            raise Rejected(f"Expected {number_range.describe()}, not NaN or infinity.")
        if number_range.integer:
            if not value.is_integer():
                raise Rejected(f"Expected {number_range.describe()}, not a fraction.")
            number = int(value)
        else:
            number = float(value)
    else:
        number = int(value)
    if not number_range.contains(number):
        raise Rejected(expectation(number_range))
    return number


def check_integer(value: object, number_range: NumberRange) -> int:
    """A whole number within `number_range` (which must be an integer range)."""
    number = check_number(value, number_range)
    assert isinstance(number, int)  # an integer range only ever yields ints
    return number


def check_boolean(value: object) -> bool:
    """A real JSON boolean: 0, 1 and "true" are not accepted."""
    if not isinstance(value, bool):
        raise Rejected(f"Expected true or false, not {kind_of(value)}.")
    return value


def choices_message(choices: tuple[str, ...]) -> str:
    """The message for a value that is not one of `choices`, or missing."""
    return f"Expected one of: {', '.join(choices)}."


def check_choice[T: str](value: object, choices: tuple[T, ...]) -> T:
    """One of `choices`, exactly (case matters, as in the JSON contract)."""
    if isinstance(value, str):
        for choice in choices:
            if value == choice:
                return choice
    raise Rejected(choices_message(choices))


NAME_EXPECTED: Final = (
    f"Expected a name of 1 to {MAX_PATH_NAME_LENGTH} characters, without control characters."
)


def check_name(value: object) -> str:
    """A path name, trimmed of surrounding spaces, short and printable."""
    if not isinstance(value, str):
        raise Rejected(f"{NAME_EXPECTED[:-1]}, not {kind_of(value)}.")
    name = value.strip()
    if not name:
        raise Rejected("Expected a name; this one is empty once spaces are trimmed.")
    if len(name) > MAX_PATH_NAME_LENGTH:
        raise Rejected(
            f"Expected a name of at most {MAX_PATH_NAME_LENGTH} characters; "
            f"this one has {len(name):,}."
        )
    if any(unicodedata.category(char) in _FORBIDDEN_CATEGORIES for char in name):
        raise Rejected("Expected a name without control characters such as tabs or line breaks.")
    return name


def name_key(name: str) -> str:
    """What two path names are compared by when checking they are unique."""
    return name.casefold()


def printable_key(key: str, limit: int = 60) -> str:
    """An unknown field's name made safe to put in an error's field path.

    It is shortened, and control characters and lone surrogates are replaced,
    so the error can always be printed and encoded as UTF-8.
    """
    short = key if len(key) <= limit else key[:limit] + "…"
    return "".join(
        "\ufffd" if unicodedata.category(char) in _FORBIDDEN_CATEGORIES else char for char in short
    )
