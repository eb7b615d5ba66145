"""Money as people and the JSON contract see it: rounded to the cent, half up.

The engine computes with unrounded floats; only what is shown is rounded.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Final

_CENT: Final = Decimal("0.01")
# Break-even figures can reach ~10**26 when a path is in use for a sliver of
# the horizon; the default precision of 28 digits would not hold the cents.
_CONTEXT: Final = Context(prec=60, rounding=ROUND_HALF_UP)


# Below this many cents a float holds every whole number of cents exactly, so the fast
# path in `cents_half_up` and the division in `money_for_json` are exact.
_EXACT_CENTS: Final = 2**53


def round_money(value: float) -> Decimal:
    """`value` rounded to 2 decimals, half up, from its shortest repr.

    Rounding the repr rather than the binary value makes 2.675 round to
    2.68, as a person reading the number would expect.
    """
    return Decimal(repr(float(value))).quantize(_CENT, context=_CONTEXT)


# Below this many cents, value * 100 is within 2**-10 of the exact product, so a fraction
# further than _TIE_MARGIN from one half rounds the same way whichever way it is computed.
_FAST_CENTS: Final = 2.0**43
_TIE_MARGIN: Final = 0.002


def cents_half_up(value: float) -> int:
    """`value` in whole cents, rounded half up from its shortest repr, as `round_money`.

    A plan formats hundreds of amounts, so the usual case (an amount that is not within
    a hair of half a cent) is rounded in floating point; near-ties and huge amounts go
    through the exact Decimal rounding of the repr.
    """
    scaled = value * 100
    if -_FAST_CENTS < scaled < _FAST_CENTS:
        floor = math.floor(scaled)
        fraction = scaled - floor
        if abs(fraction - 0.5) > _TIE_MARGIN:
            return floor + 1 if fraction > 0.5 else floor
    return int(round_money(value) * 100)


def money_for_json(value: float) -> float:
    """`value` rounded to the cent as a JSON number; never -0.0."""
    cents = cents_half_up(value)
    if abs(cents) < _EXACT_CENTS:
        return cents / 100 + 0.0  # a correctly rounded division: the float of that decimal
    return float(round_money(value)) + 0.0


def format_cents(cents: int) -> str:
    """Whole cents for a sentence: "66,666.67", or "200,000" when whole."""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}{whole:,}" if part == 0 else f"{sign}{whole:,}.{part:02d}"


def format_money(value: float) -> str:
    """`value` for a sentence: "66,666.67", or "200,000" when whole."""
    return format_cents(cents_half_up(value))


@dataclass(frozen=True, slots=True)
class RoundedMoney:
    """An amount rounded for a sentence or a heading: "67k", "1.25M", "980".

    `exact` says whether the rounding lost anything, so a sentence can say
    "about £67k" but "£540k".
    """

    text: str
    exact: bool


# (at least, divisor, suffix, decimals): whole units below 1k, one decimal of a thousand
# below 10k, then whole thousands, then millions and above to 2 decimals.
_SCALES: Final = (
    (10**12, 10**12, "T", 2),
    (10**9, 10**9, "B", 2),
    (10**6, 10**6, "M", 2),
    (10**4, 10**3, "k", 0),
    (10**3, 10**3, "k", 1),
    (0, 1, "", 0),
)


def _shown(magnitude: Decimal, divisor: int, decimals: int) -> Decimal:
    step = Decimal(1).scaleb(-decimals)
    return (magnitude / divisor).quantize(step, context=_CONTEXT)


@dataclass(frozen=True, slots=True)
class RoundedParts:
    """`round_for_people`'s rounding as numbers, for a renderer that words it in another
    language: the amount shown is `shown * divisor`, written with `decimals` decimals of
    the scale `suffix` ("", "k", "M", "B", "T")."""

    shown: Decimal
    divisor: int
    suffix: str
    decimals: int
    negative: bool
    exact: bool


def rounded_parts(value: float) -> RoundedParts:
    """`value` rounded to 2 or 3 significant figures, on the scale people say aloud."""
    exact = round_money(value)
    magnitude = abs(exact)
    index = next(i for i, scale in enumerate(_SCALES) if magnitude >= scale[0])
    _, divisor, suffix, decimals = _SCALES[index]
    shown = _shown(magnitude, divisor, decimals)
    if index and shown * divisor >= _SCALES[index - 1][0]:
        _, divisor, suffix, decimals = _SCALES[index - 1]
        shown = _shown(magnitude, divisor, decimals)
    return RoundedParts(
        shown, divisor, suffix, decimals, bool(exact < 0 and shown), shown * divisor == magnitude
    )


def round_for_people(value: float) -> RoundedMoney:
    """`value` with 2 or 3 significant figures and k, M, B or T: what people say aloud.

    Tables and exports show the exact amount (`format_money`); this is for the
    headline and sentences, where "£66,666.67" reads as false precision.
    """
    exact = round_money(value)
    magnitude = abs(exact)
    index = next(i for i, scale in enumerate(_SCALES) if magnitude >= scale[0])
    _, divisor, suffix, decimals = _SCALES[index]
    shown = _shown(magnitude, divisor, decimals)
    # 999,600 rounds to "1,000k": say "1M" instead, from the next scale up.
    if index and shown * divisor >= _SCALES[index - 1][0]:
        _, divisor, suffix, decimals = _SCALES[index - 1]
        shown = _shown(magnitude, divisor, decimals)
    text = f"{shown:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    sign = "-" if exact < 0 and shown else ""
    return RoundedMoney(f"{sign}{text}{suffix}", shown * divisor == magnitude)
