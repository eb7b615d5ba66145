"""Adding and removing notes (with a link to evidence) on answers."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from voices.access import get_respondent_for_user, get_round_for_organiser
from voices.consensus_page import submitted_respondents
from voices.models import Respondent, Round
from voices.notes import NoteForm, answer_choices, note_remove, note_set, round_notes


def _notes_page(
    request: HttpRequest,
    owner: Respondent | Round,
    choices: list[tuple[str, str]],
    context: dict[str, Any],
) -> HttpResponse:
    form = NoteForm(choices=choices)
    status = 200
    if request.method == "POST":
        removing = request.POST.get("remove")
        if removing:
            note_remove(owner=owner, answer=removing)
            messages.success(request, _("The note was removed."))
            return redirect(request.path)
        form = NoteForm(request.POST, choices=choices)
        if form.is_valid():
            note_set(owner=owner, **form.cleaned_data)
            messages.success(request, _("The note is saved."))
            return redirect(request.path)
        status = 422
    labels = dict(choices)
    mine = [
        (key, labels.get(key, key), value["note"], value.get("link", ""))
        for key, value in sorted(owner.notes.items())
    ]
    return render(
        request, "voices/notes.html", {"form": form, "mine": mine, **context}, status=status
    )


@login_required
@require_http_methods(["GET", "POST"])
def respondent_notes(request: HttpRequest, code: str) -> HttpResponse:
    """A respondent's notes on their own answers, while the round is open."""
    respondent = get_respondent_for_user(request, code)
    if not respondent.round.is_open:
        raise Http404
    return _notes_page(
        request,
        respondent,
        answer_choices(respondent.answers),
        {"back_url": reverse("respond", args=[respondent.code]), "others": []},
    )


@require_http_methods(["GET", "POST"])
def organiser_notes(request: HttpRequest, code: str) -> HttpResponse:
    """The organiser's notes on the round's answers, beside the respondents'."""
    access, round_ = get_round_for_organiser(request, code)
    if round_ is None:
        raise Http404
    submitted = submitted_respondents(round_) if not round_.is_open else []
    answers = submitted[0].answers if submitted else access.assessment.answers
    return _notes_page(
        request,
        round_,
        answer_choices(answers),
        {
            "back_url": reverse("round", args=[access.assessment.code]),
            "others": [row for row in round_notes(round_, submitted) if row.who != _("Organiser")],
        },
    )
