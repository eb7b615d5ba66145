"""Money and numbers for the reader: in the active language's conventions (Babel's CLDR
data) and the organisation's currency. "€1,250,000" in English, "1.250.000 €" in German.

The engine rounds (`wizard.rules.money`); this module only writes the result the way the
reader's language does. Amounts are never converted between currencies, only labelled.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel.numbers import (
    format_compact_decimal,
    format_currency,
    format_decimal,
    get_currency_symbol,
    get_decimal_symbol,
    get_group_symbol,
)
from django.utils import translation

from wizard.rules.limits import NumberRange
from wizard.rules.money import cents_half_up, round_for_people, rounded_parts

MINUS = "\u2212"  # a true minus sign reads better than a hyphen before an amount
_NUMBER = re.compile(r"[#0,.]+")


@lru_cache(maxsize=32)
def _locale(language: str) -> Locale:
    return Locale.parse(translation.to_locale(language or "en-gb"))


def reader_locale() -> Locale:
    """Babel's locale for the active language."""
    return _locale(translation.get_language() or "en-gb")


def number_marks() -> tuple[str, str]:
    """(thousands separator, decimal mark) of the active language: (",", ".") in English,
    (".", ",") in German."""
    locale = reader_locale()
    return get_group_symbol(locale), get_decimal_symbol(locale)


# CLDR's currency spacing: a code or letters beside a digit get a space ("CHF 52k"),
# a symbol does not ("£52k").
_LETTERS_THEN_DIGIT = re.compile(r"^([^\W\d_]+)(?=\d)")


def _with_sign(text: str, negative: bool) -> str:
    text = _LETTERS_THEN_DIGIT.sub("\\1\u00a0", text)
    return f"{MINUS}{text}" if negative else text


@lru_cache(maxsize=256)
def _currency_pattern(language: str, currency: str) -> tuple[str, str]:
    """(before, after) the number in the language's currency pattern, symbol included."""
    locale = _locale(language)
    positive = locale.currency_formats["standard"].pattern.split(";")[0]
    symbol = get_currency_symbol(currency, locale=locale)
    parts = _NUMBER.split(positive, maxsplit=1)
    before, after = (parts[0], parts[1]) if len(parts) == 2 else ("", f"\u00a0{positive}")
    return before.replace("¤", symbol), after.replace("¤", symbol)


def number(value: float | int | Decimal, decimals: int = 2) -> str:
    """A plain number with the language's separators: "1,250.5" / "1.250,5"."""
    quantized = Decimal(repr(float(value))) if not isinstance(value, Decimal) else value
    return format_decimal(
        round(quantized, decimals),
        format=f"#,##0.{'#' * decimals}" if decimals else "#,##0",
        locale=reader_locale(),
    )


def exact_money(value: float | int | None, currency: str) -> str:
    """An amount to the cent, for tables: "£66,666.67", or "£200,000" when whole."""
    if value is None or value == "":
        return "—"
    cents = cents_half_up(float(value))
    amount = Decimal(abs(cents)) / 100
    locale = reader_locale()
    pattern = locale.currency_formats["standard"].pattern.split(";")[0]
    if cents % 100 == 0:
        pattern = pattern.replace(".00", "")
    text = format_currency(amount, currency, format=pattern, locale=locale, currency_digits=False)
    return _with_sign(text, cents < 0)


def money_for_people(value: float | int | None, currency: str, about: bool = True) -> str:
    """Money for a sentence or a heading: "about £67k", "£1.25M"; in German "rund
    67.000 €", "1,25 Mio. €". Exact amounts (and `about=False`) have no "about"."""
    if value is None or value == "":
        return "—"
    language = translation.get_language() or "en-gb"
    locale = _locale(language)
    parts = rounded_parts(float(value))
    if locale.language == "en":
        amount = round_for_people(float(value)).text.lstrip("-")
    else:
        whole = parts.shown * parts.divisor
        compact = format_compact_decimal(
            whole, format_type="short", locale=locale, fraction_digits=parts.decimals
        )
        # Where the language has no short word for the scale (German says "67.000", not
        # "67 Tsd."), the rounded amount is written out in full.
        if not re.search(r"[^\d\s.,\u00a0'\u2019]", compact):
            compact = format_decimal(whole, format="#,##0", locale=locale)
        amount = compact
    before, after = _currency_pattern(language, currency)
    text = _with_sign(f"{before}{amount}{after}", parts.negative)
    if parts.exact or not about:
        return text
    return translation.gettext("about %(amount)s") % {"amount": text}


def describe_range(number_range: NumberRange) -> str:
    """An accepted range in the reader's words: "a whole number from 1 to 10,000,000",
    "eine ganze Zahl von 1 bis 10.000.000"."""
    values = {
        "low": number(number_range.minimum, 0 if number_range.integer else 2),
        "high": number(number_range.maximum, 0 if number_range.integer else 2),
    }
    if number_range.min_exclusive:
        if number_range.integer:
            return (
                translation.gettext("a whole number greater than %(low)s and at most %(high)s")
                % values
            )
        return translation.gettext("a number greater than %(low)s and at most %(high)s") % values
    if number_range.integer:
        return translation.gettext("a whole number from %(low)s to %(high)s") % values
    return translation.gettext("a number from %(low)s to %(high)s") % values
