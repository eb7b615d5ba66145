"""Numbers in sentences are formatted for people."""

from __future__ import annotations

import pytest

from wizard.rules.wording import count, horizon, listing, quantity


@pytest.mark.parametrize(
    ("value", "text"),
    [(2.6666, "2.67"), (4.0, "4"), (4.5, "4.5"), (1_200, "1,200"), (0.001, "less than 0.01")],
)
def test_quantities_show_at_most_two_decimals(value: float, text: str) -> None:
    """Quantities have separators, no trailing zeros, and a sliver never reads as 0."""
    assert quantity(value) == text


@pytest.mark.parametrize(
    ("number", "text"),
    [(0, "no critical paths"), (1, "1 critical path"), (10_000, "10,000 critical paths")],
)
def test_counts_agree_with_their_noun(number: int, text: str) -> None:
    """Counts use the singular for one and read "no" for zero."""
    assert count(number, "critical path") == text


def test_people_is_the_plural_of_person() -> None:
    """Irregular plurals are given explicitly."""
    assert count(1, "person", "people") == "1 person"
    assert count(60, "person", "people") == "60 people"


@pytest.mark.parametrize(
    ("items", "text"),
    [([], ""), (["A"], "A"), (["A", "B"], "A and B"), (["A", "B", "C"], "A, B and C")],
)
def test_listings_join_with_and_without_a_serial_comma(items: list[str], text: str) -> None:
    """Lists in sentences follow British style: no comma before "and"."""
    assert listing(items) == text


def test_horizon_reads_as_an_adjective() -> None:
    """The horizon reads "3-year horizon"."""
    assert horizon(3) == "3-year horizon"
