"""Money is rounded half up from the number's shortest repr, by a fast path that must
always agree with the exact Decimal rounding."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.rules.money import cents_half_up, format_money, money_for_json, round_money


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
