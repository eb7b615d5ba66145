"""Money is rounded half up from the number's shortest repr, by a fast path that must
always agree with the exact Decimal rounding."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.rules.money import (
    cents_half_up,
    format_money,
    money_for_json,
    round_for_people,
    round_money,
)


@settings(max_examples=2000)
@given(
    st.floats(min_value=-1e16, max_value=1e16, allow_nan=False)
    | st.integers(-(10**9), 10**9).map(lambda n: n / 1000)
)
def test_fast_rounding_agrees_with_decimal_rounding(value):
    """Whatever the amount, the fast path gives the cents the exact rounding gives."""
    assert cents_half_up(value) == int(round_money(value) * 100)
    assert money_for_json(value) == float(round_money(value))


@pytest.mark.parametrize(
    ("value", "shown", "json"),
    [
        (2.675, "2.68", 2.68),  # the binary value is just below .675; a person reads .675
        (1.005, "1.01", 1.01),
        (-2.675, "-2.68", -2.68),
        (66666.666666, "66,666.67", 66666.67),
        (200000.0, "200,000", 200000.0),
        (-0.001, "0", 0.0),
        (1e25, "10,000,000,000,000,000,000,000,000", 1e25),
    ],
)
def test_money_is_rounded_half_up_as_written(value, shown, json):
    """Ties round away from zero as they read, and negative zero never appears."""
    assert format_money(value) == shown
    assert money_for_json(value) == json
    assert str(money_for_json(value)) != "-0.0"


@pytest.mark.parametrize(
    ("value", "text", "exact"),
    [
        (0, "0", True),
        (0.4, "0", False),
        (980, "980", True),
        (999.6, "1k", False),
        (1_500, "1.5k", True),
        (9_949, "9.9k", False),
        (51_666.67, "52k", False),
        (66_666.67, "67k", False),
        (540_000, "540k", True),
        (999_600, "1M", False),
        (1_250_000, "1.25M", True),
        (2_020_000, "2.02M", True),
        (3 * 10**9, "3B", True),
        (1.234e12, "1.23T", False),
        (-57_777.78, "-58k", False),
    ],
)
def test_money_is_rounded_for_people_in_sentences(value, text, exact):
    """Headlines say "about £67k" or "£1.25M"; exact says whether "about" is needed."""
    rounded = round_for_people(value)
    assert (rounded.text, rounded.exact) == (text, exact)


@settings(max_examples=500)
@given(st.floats(min_value=0, max_value=1e15, allow_nan=False))
def test_rounded_money_is_within_half_a_step_of_the_amount(value):
    """However it is shortened, the figure shown is close: within 5 % above 1,000."""
    rounded = round_for_people(value)
    scale = {"k": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}
    text = rounded.text.replace(",", "")
    shown = float(text[:-1]) * scale[text[-1]] if text[-1] in scale else float(text)
    assert abs(shown - value) <= max(0.5, 0.05 * value)
    assert rounded.exact == (shown == float(round_money(value)))
