"""Small helpers that put numbers into sentences for people."""

from __future__ import annotations

from wizard.rules.money import cents_half_up, format_cents


def quantity(value: float) -> str:
    """`value` with thousands separators and at most 2 decimals: "2.67", "4", "1,200"."""
    hundredths = cents_half_up(value)
    if hundredths == 0 and value > 0:
        # A sliver of a year in use is not "0 years": that would read as none.
        return "less than 0.01"
    return format_cents(hundredths).rstrip("0") if hundredths % 100 else format_cents(hundredths)


def count(number: float, singular: str, plural: str | None = None) -> str:
    """`number` and a noun that agrees with it: "1 path", "10,000 labelled examples".

    Zero reads as "no critical paths" rather than "0 critical paths".
    """
    shown = quantity(number)
    noun = singular if shown == "1" else (plural or f"{singular}s")
    return f"{'no' if shown == '0' else shown} {noun}"


def listing(items: list[str]) -> str:
    """Items joined for a sentence: "A", "A and B", "A, B and C"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def quoted(name: str) -> str:
    """A path's name as it appears inside a sentence."""
    return f"\u2018{name}\u2019"  # British single quotes


def horizon(years: float) -> str:
    """The time horizon as an adjective: "3-year horizon"."""
    return f"{quantity(years)}-year horizon"
