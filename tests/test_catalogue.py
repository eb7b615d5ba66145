"""The German catalogue stays whole: every string marked for translation in the code and
the templates is in locale/de/LC_MESSAGES/django.po, translated, not fuzzy, and with the
same placeholders as the English. Pure Python (Babel and Django's own template
tokeniser), so neither CI nor a developer needs GNU gettext to run it."""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils.translation.template import templatize

from config.catalogues import compile_catalogues

ROOT = Path(settings.BASE_DIR)
CATALOGUE = ROOT / "locale" / "de" / "LC_MESSAGES" / "django.po"
# Where the product's strings live; tests, benchmarks and migrations are not shown to people.
SKIPPED = {".venv", "tests", "bench", "var", "locale", "docs", ".git"}
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}
PLACEHOLDER = re.compile(r"%\(\w+\)[sdfr]|%[sdf]|\{\w*\}")


@cache
def catalogue() -> Catalog:
    with CATALOGUE.open("rb") as po_file:
        return read_po(po_file, locale="de")


def _sources() -> list[Path]:
    found = []
    for path in ROOT.rglob("*"):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in SKIPPED or "migrations" in relative.parts:
            continue
        # The Jinja2 field template prints the Django form's own (translated) strings only.
        if "jinja2" in relative.parts:
            continue
        if path.suffix in {".py", ".html", ".txt"} and path.is_file():
            found.append(path)
    return found


def marked_strings() -> set[tuple[str | None, str]]:
    """(context, msgid) of every string the code and the templates mark for translation."""
    marked = set()
    for path in _sources():
        source = path.read_text(encoding="utf-8")
        if path.suffix != ".py":
            if "translate" not in source and "trans " not in source:
                continue
            # Django's own template-to-gettext step (what makemessages feeds xgettext);
            # its lines are indented at random, which Python's tokeniser minds.
            lines = templatize(source, origin=str(path)).splitlines()
            source = "\n".join(line.lstrip() for line in lines)
        for _line, message, _comments, context in extract(
            "python", io.BytesIO(source.encode()), keywords=KEYWORDS
        ):
            msgid = message[0] if isinstance(message, tuple) else message
            if msgid:
                marked.add((context, msgid))
    return marked


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def test_every_marked_string_is_in_the_german_catalogue():
    """A string marked in code or a template but missing from django.po fails here
    (run `manage.py makemessages -l de` and translate it)."""
    known = {
        (message.context, message.id[0] if isinstance(message.id, tuple) else message.id)
        for message in catalogue()
        if message.id
    }
    missing = sorted(marked_strings() - known, key=lambda key: key[1])
    assert not missing, f"{len(missing)} strings not in {CATALOGUE.name}: {missing[:10]}"


def _messages():
    return [message for message in catalogue() if message.id]


def test_every_string_is_translated_and_none_is_fuzzy():
    """No empty translation and no fuzzy one (gettext would show English for both)."""
    untranslated = [m.id for m in _messages() if not all(_forms(m))]
    fuzzy = [m.id for m in _messages() if m.fuzzy]
    assert not untranslated, f"{len(untranslated)} untranslated: {untranslated[:10]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy: {fuzzy[:10]}"


def _forms(message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


def test_german_keeps_the_placeholders_of_the_english():
    """A placeholder dropped, renamed or invented would break the page or lose a number."""
    wrong = []
    for message in _messages():
        english = message.id if isinstance(message.id, tuple) else (message.id,)
        expected = set().union(*(placeholders(text) for text in english))
        for form in _forms(message):
            # A singular may say "one" instead of the count; nothing else may differ.
            invented = placeholders(form) - expected
            dropped = len(english) == 1 and placeholders(form) != expected
            if form and (invented or dropped):
                wrong.append((english[0], form))
    assert not wrong, f"{len(wrong)} with other placeholders: {wrong[:5]}"


def test_the_catalogue_compiles_with_babel(tmp_path):
    """The set-up's compiler writes a .mo Django can read, without GNU gettext."""
    target = tmp_path / "de" / "LC_MESSAGES"
    target.mkdir(parents=True)
    (target / "django.po").write_bytes(CATALOGUE.read_bytes())
    written = compile_catalogues(tmp_path)
    assert written == [target / "django.mo"]
    assert (target / "django.mo").stat().st_size > 1000
    assert compile_catalogues(tmp_path) == []  # up to date: nothing to do


@pytest.mark.parametrize(
    ("english", "placeholders_found"),
    [("Amounts in %(currency)s.", {"%(currency)s"}), ("Enter {range}.", {"{range}"})],
)
def test_placeholders_are_found_in_both_styles(english, placeholders_found):
    """Both the %-style and the {}-style placeholders are compared."""
    assert placeholders(english) == placeholders_found
