"""The wizard's fields, as wizard/jinja2/wizard/field.html draws them: every input has a
label, names its help text and its error slot, and shows its own errors."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from wizard.forms import HiringForm, MaturityForm, RoiForm, path_formset


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: dict[str, str] = {}
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.elements.append((tag, attributes))
        if tag == "div" and "id" in attributes:
            self._open.append(attributes["id"])
            self.text[attributes["id"]] = ""
        elif tag == "div":
            self._open.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for element_id in self._open:
            if element_id:
                self.text[element_id] += data


def _parse(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


def _forms():
    paths = path_formset(1)(prefix="paths")
    return [MaturityForm(), paths.forms[0], RoiForm(prefix="roi-0"), HiringForm()]


@pytest.mark.parametrize("form", _forms(), ids=lambda form: type(form).__name__)
def test_every_field_has_a_label_its_help_and_an_error_slot(form):
    """Each input is labelled and names, in aria-describedby, the help and error it has."""
    for field in form.visible_fields():
        page = _parse(str(field.as_field_group()))
        ids = {attrs.get("id") for _, attrs in page.elements}
        control = next(attrs for tag, attrs in page.elements if attrs.get("id") == field.auto_id)
        labels = [attrs for tag, attrs in page.elements if tag == "label"]
        assert [label["for"] for label in labels] == [field.auto_id]
        described = control["aria-describedby"].split()
        assert described[-1] == f"{field.auto_id}_error"
        assert (f"{field.auto_id}_helptext" in described) == bool(field.help_text)
        assert set(described) <= ids
        assert "is-invalid" not in control["class"] and "aria-invalid" not in control


def test_an_invalid_field_shows_its_error_in_its_slot_and_is_marked_invalid():
    """A bad number is announced where the field's aria-describedby points."""
    form = RoiForm({"roi-0-months_to_build": "40"}, prefix="roi-0")
    assert not form.is_valid()
    page = _parse(str(form["months_to_build"].as_field_group()))
    control = next(attrs for tag, attrs in page.elements if tag == "input")
    assert "is-invalid" in control["class"].split()
    assert control["aria-invalid"] == "true"
    assert page.text["id_roi-0-months_to_build_error"] == "Enter a number from 1 to 36."


def test_checkboxes_and_selects_get_their_bootstrap_classes():
    """A tick box is a form-check with its label after it; a choice is a form-select."""
    form = MaturityForm()
    checkbox = _parse(str(form["optimising_at_scale"].as_field_group()))
    tags = [(tag, attrs.get("class", "")) for tag, attrs in checkbox.elements]
    assert ("input", "form-check-input") in tags
    assert tags.index(("input", "form-check-input")) < tags.index(("label", "form-check-label"))
    select = _parse(str(form["declared_level"].as_field_group()))
    assert ("select", "form-select") in [(t, a.get("class")) for t, a in select.elements]


def test_labels_and_help_are_escaped():
    """A path name typed by a user and shown in a label cannot inject markup."""
    form = MaturityForm()
    form.fields["working_pilots"].label = "<b>bold</b>"
    html = str(form["working_pilots"].as_field_group())
    assert "<b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
