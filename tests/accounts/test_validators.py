"""Names kept on one line: what is refused, and what an email header is made of."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from accounts.validators import one_line, reject_control_characters
from tests.factories import OrganisationFactory, UserFactory


@pytest.mark.parametrize(
    "name",
    ["Evil\r\nBcc: x@example.com", "Line\nbreak", "Tab\there", "Nul\x00", "Sep\u2028arator"],
)
def test_names_with_control_characters_are_refused(name):
    """CR, LF, tabs, NUL and the Unicode line separators are all refused."""
    with pytest.raises(ValidationError) as refused:
        reject_control_characters(name)
    assert refused.value.code == "control_characters"


@pytest.mark.parametrize("name", ["Northwind Freight", "Müller & Söhne", "株式会社", "O'Brien—Co"])
def test_ordinary_names_pass(name):
    """Accents, other scripts, punctuation and dashes are names like any other."""
    reject_control_characters(name)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Join Evil\r\nBcc: x", "Join Evil Bcc: x"), ("  a\t b  ", "a b"), ("plain", "plain")],
)
def test_one_line_makes_header_text_safe(text, expected):
    """Breaks and runs of space become one space, so a header cannot be split."""
    assert one_line(text) == expected


@pytest.mark.django_db
def test_the_models_refuse_them_too(db):
    """The admin's forms validate the model, so organisation and person names are checked
    there as well."""
    with pytest.raises(ValidationError) as refused:
        OrganisationFactory.build(name="A\r\nB", slug="a-b").full_clean()
    assert "name" in refused.value.error_dict
    with pytest.raises(ValidationError) as refused:
        UserFactory(full_name="A\nB").full_clean()
    assert "full_name" in refused.value.error_dict
