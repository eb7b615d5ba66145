"""Notes and evidence on answers: a short note and a link, on a respondent's answer or
the organiser's, shown in the consensus view, the report's appendix and the exports.

Notes are kept by answer: "maturity|<field>" or "<path key>|<field>" (see
`consensus_page.field_note_key`), in `Respondent.notes` or `Round.notes`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from voices.consensus_page import field_label, field_note_key
from voices.models import Respondent, Round
from wizard.rules.consensus import MATURITY_CHOICES, MATURITY_NUMBERS, PATH_CHOICES, PATH_NUMBERS
from wizard.rules.consensus import path_key as make_path_key

NOTE_MAX = 280
LINK_MAX = 500


def answer_choices(answers: dict[str, Any]) -> list[tuple[str, str]]:
    """Every answer a note can be put on, from one set of answers."""
    choices = [
        (field_note_key(None, name), f"{_('Maturity')}: {field_label(name)}")
        for name in (*MATURITY_NUMBERS, *MATURITY_CHOICES)
    ]
    for path in answers.get("critical_paths", []):
        key = make_path_key(path["name"])
        choices.extend(
            (field_note_key(key, name), f"{path['name']}: {field_label(name)}")
            for name in (*PATH_NUMBERS, *PATH_CHOICES)
        )
    return choices


class NoteForm(forms.Form):
    answer = forms.ChoiceField(label=gettext_lazy("On the answer"))
    note = forms.CharField(
        label=gettext_lazy("Note"),
        max_length=NOTE_MAX,
        help_text=gettext_lazy("Why you answered so, in a sentence or two."),
    )
    link = forms.URLField(
        label=gettext_lazy("Link to evidence"),
        max_length=LINK_MAX,
        required=False,
        assume_scheme="https",
        help_text=gettext_lazy("A dashboard or a document that backs the answer (optional)."),
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["answer"].choices = choices


def _model_for(owner: Respondent | Round) -> type[Respondent] | type[Round]:
    return type(owner)


@transaction.atomic
def note_set(*, owner: Respondent | Round, answer: str, note: str, link: str) -> None:
    """Put (or replace) the note on one answer of `owner`'s."""
    locked = _model_for(owner).objects.select_for_update().get(pk=owner.pk)
    notes = dict(locked.notes)
    notes[answer] = {"note": note, "link": link}
    locked.notes = notes
    locked.save(update_fields=["notes"])
    owner.notes = notes


@transaction.atomic
def note_remove(*, owner: Respondent | Round, answer: str) -> None:
    locked = _model_for(owner).objects.select_for_update().get(pk=owner.pk)
    notes = {key: value for key, value in locked.notes.items() if key != answer}
    locked.notes = notes
    locked.save(update_fields=["notes"])
    owner.notes = notes


@dataclass(frozen=True)
class NoteRow:
    who: str
    answer: str  # what the note is on, as people read it
    note: str
    link: str


def _label_of(key: str, names: dict[str, str]) -> str:
    place, _sep, name = key.partition("|")
    where = _("Maturity") if place == "maturity" else names.get(place, place)
    return f"{where}: {field_label(name)}"


def round_notes(round_: Round, respondents: list[Respondent] | None = None) -> list[NoteRow]:
    """Every note of a round: the organiser's first, then each respondent's by name."""
    if respondents is None:
        respondents = list(
            round_.respondents.filter(submitted__isnull=False).select_related("user")
        )
    names: dict[str, str] = {}
    for respondent in respondents:
        for path in respondent.answers.get("critical_paths", []):
            names.setdefault(make_path_key(path["name"]), path["name"])
    rows = [
        NoteRow(_("Organiser"), _label_of(key, names), value["note"], value.get("link", ""))
        for key, value in sorted(round_.notes.items())
    ]
    for respondent in respondents:
        rows.extend(
            NoteRow(respondent.label, _label_of(key, names), value["note"], value.get("link", ""))
            for key, value in sorted(respondent.notes.items())
        )
    return rows
