"""Money and numbers written, and read back, the reader's way."""

from __future__ import annotations

import pytest
from django.utils import translation

from wizard.form_fields import plain_number
from wizard.money_format import describe_range, exact_money, money_for_people, number
from wizard.rules.limits import HEADCOUNT, ML_ENGINEER_ANNUAL_COST

NBSP = "\xa0"


@pytest.mark.parametrize(
    ("language", "value", "currency", "expected"),
    [
        ("en-gb", 1_250_000, "EUR", "€1,250,000"),
        ("en-gb", 66666.67, "GBP", "£66,666.67"),
        ("en-gb", -1000, "GBP", "−£1,000"),
        ("en-gb", 540000, "CHF", f"CHF{NBSP}540,000"),
        ("de", 1_250_000, "EUR", f"1.250.000{NBSP}€"),
        ("de", 66666.67, "CHF", f"66.666,67{NBSP}CHF"),
        ("de", -1000, "EUR", f"−1.000{NBSP}€"),
        ("de", 200000, "USD", f"200.000{NBSP}$"),
    ],
)
def test_exact_money_follows_the_language_and_the_currency(language, value, currency, expected):
    with translation.override(language):
        assert exact_money(value, currency) == expected


@pytest.mark.parametrize(
    ("language", "value", "currency", "expected"),
    [
        ("en-gb", 66666.67, "GBP", "about £67k"),
        ("en-gb", 1_250_000, "GBP", "£1.25M"),
        ("en-gb", 540000, "EUR", "€540k"),
        ("de", 66666.67, "EUR", f"rund 67.000{NBSP}€"),
        ("de", 1_250_000, "EUR", f"1,25{NBSP}Mio.{NBSP}€"),
        ("de", 540000, "CHF", f"540.000{NBSP}CHF"),
        ("de", 12_500_000_000, "EUR", f"12,5{NBSP}Mrd.{NBSP}€"),
    ],
)
def test_rounded_money_follows_the_language_and_the_currency(language, value, currency, expected):
    """The headline's "about £67k" in English, "rund 67.000 €" in German."""
    with translation.override(language):
        assert money_for_people(value, currency) == expected


@pytest.mark.parametrize(
    ("language", "typed", "read"),
    [
        ("en-gb", "£250,000", "250000"),
        ("en-gb", "2.5", "2.5"),
        ("en-gb", "250 000", "250000"),
        ("de", "250.000 €", "250000"),
        ("de", "2,5", "2.5"),
        ("de", "1 000 000", "1000000"),
    ],
)
def test_numbers_are_read_as_the_reader_writes_them(language, typed, read):
    """A German manager types 250.000 for a quarter of a million and 2,5 for two and a half."""
    with translation.override(language):
        assert plain_number(typed, money=True) == read


def test_ranges_and_numbers_are_described_in_the_readers_words():
    with translation.override("de"):
        assert describe_range(HEADCOUNT) == "eine ganze Zahl von 1 bis 10.000.000"
        assert describe_range(ML_ENGINEER_ANNUAL_COST).startswith("eine Zahl größer als 0")
        assert number(1250.5) == "1.250,5"
    with translation.override("en-gb"):
        assert describe_range(HEADCOUNT) == HEADCOUNT.describe()
