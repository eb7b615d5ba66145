"""The organiser's pages of a round: ask, follow, remind, close, reconcile, take."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import User
from orgs.models import Membership
from voices.access import get_round_for_organiser
from voices.consensus_page import consensus_page
from voices.forms import RoundStartForm
from voices.models import Respondent, Round
from voices.notes import round_notes
from voices.rounds import (
    RoundRefused,
    round_apply,
    round_close,
    round_reconcile,
    round_remind,
    round_start,
)
from wizard.access import Access
from wizard.rules.consensus import path_key
from wizard.steps import STEPS, step_url


def _respondent_link(request: HttpRequest) -> Any:
    return lambda respondent: request.build_absolute_uri(reverse("respond", args=[respondent.code]))


def _members(access: Access, organiser: User) -> list[tuple[int, str]]:
    memberships = (
        Membership.objects.filter(organisation=access.assessment.organisation)
        .exclude(user=organiser)
        .select_related("user")
        .order_by("user__email")
    )
    return [(m.user_id, f"{m.user.get_full_name()} ({m.get_role_display()})") for m in memberships]


def _round_url(round_: Round) -> str:
    return reverse("round", args=[round_.assessment.code])


@require_http_methods(["GET", "POST"])
def round_page(request: HttpRequest, code: str) -> HttpResponse:
    """Start a round on a draft, or follow the open one: who was asked, started, submitted."""
    access, round_ = get_round_for_organiser(request, code)
    assessment = access.assessment
    if assessment.organisation is None:
        raise Http404
    if round_ is not None and not round_.is_open and request.method == "GET":
        return redirect("round-consensus", code=assessment.code)
    if round_ is not None and round_.is_open:
        if request.method == "POST":
            messages.info(request, _("This draft already has a round open."))
            return redirect(_round_url(round_))
        respondents = list(round_.respondents.select_related("user"))
        context = {"assessment": assessment, "round": round_, "respondents": respondents}
        return render(request, "voices/round.html", context)
    members = _members(access, request.user)
    form = RoundStartForm(request.POST if request.method == "POST" else None, members=members)
    if assessment.is_complete:
        raise Http404
    if form.is_bound and form.is_valid():
        chosen = {int(pk) for pk in form.cleaned_data["members"]}
        try:
            new = round_start(
                assessment=assessment,
                organiser=request.user,
                members=User.objects.filter(pk__in=chosen),
                emails=form.cleaned_data["emails"],
                link_for=_respondent_link(request),
                invitation_link_for=lambda token: request.build_absolute_uri(
                    reverse("invite", args=[token])
                ),
                request=request,
            )
        except RoundRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("The round is open: everyone asked has been emailed."))
            return redirect(_round_url(new))
    status = 422 if form.is_bound else 200
    return render(
        request, "voices/round_start.html", {"assessment": assessment, "form": form}, status=status
    )


@require_POST
def round_remind_view(request: HttpRequest, code: str) -> HttpResponse:
    _access, round_ = get_round_for_organiser(request, code)
    if round_ is None:
        raise Http404
    try:
        count = round_remind(
            round_=round_, actor=request.user, link_for=_respondent_link(request), request=request
        )
    except RoundRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("Reminded %(count)s people.") % {"count": count})
    return redirect(_round_url(round_))


@require_POST
def round_close_view(request: HttpRequest, code: str) -> HttpResponse:
    access, round_ = get_round_for_organiser(request, code)
    if round_ is None:
        raise Http404
    try:
        round_close(round_=round_, actor=request.user, request=request)
    except RoundRefused as refused:
        messages.error(request, str(refused))
        return redirect(_round_url(round_))
    return redirect("round-consensus", code=access.assessment.code)


def _posted_picks(request: HttpRequest, page: Any) -> list[list[Any]]:
    """The organiser's picks from the form: a value someone gave, per field; anything
    else posted is ignored (the consensus stands)."""
    picks: list[list[Any]] = []
    for row in page.rows:
        raw = request.POST.get(f"pick-{row.index}", "")
        if raw and raw in {value for value, _shown in row.options}:
            picks.append([row.field.path, row.field.field, json.loads(raw)])
    for number, presence in enumerate(page.consensus.paths):
        wanted = request.POST.get(f"include-{number}") == "on"
        if wanted != presence.included:
            picks.append([presence.key, "included", wanted])
    return picks


@require_http_methods(["GET", "POST"])
def round_consensus(request: HttpRequest, code: str) -> HttpResponse:
    """After the close: everyone's answers, the consensus and whether anyone's would change
    the plan; the organiser merges paths, picks answers and takes the result."""
    access, round_ = get_round_for_organiser(request, code)
    if round_ is None or round_.is_open:
        raise Http404
    respondents: list[Respondent] | None = None
    page = consensus_page(round_)
    if request.method == "POST":
        action = request.POST.get("action", "save")
        merges = dict(round_.merges)
        picks: list[list[Any]] = _posted_picks(request, page)
        keys = {p.key for p in page.consensus.paths}
        if action == "merge":
            source = path_key(request.POST.get("merge_from", ""))
            target = path_key(request.POST.get("merge_into", ""))
            if source in keys and target in keys and source != target:
                merges[source] = target
                picks = []  # the paths moved: picks made on the old ones no longer apply
            else:
                messages.error(request, _("Choose two different paths to merge."))
        elif action == "unmerge":
            merges, picks = {}, []
        notes_hidden = request.POST.get("notes_hidden") == "on"
        try:
            round_reconcile(round_=round_, merges=merges, picks=picks, notes_hidden=notes_hidden)
            if action == "take":
                page = consensus_page(round_, respondents)
                assessment = round_apply(
                    round_=round_,
                    answers=page.answers(),
                    descriptions=page.descriptions(),
                    actor=request.user,
                    request=request,
                )
                messages.success(
                    request, _("The consensus is in the draft: finish the last steps as usual.")
                )
                return redirect(step_url(assessment, STEPS[2]))
        except RoundRefused as refused:
            messages.error(request, str(refused))
        return redirect("round-consensus", code=access.assessment.code)
    context = {
        "assessment": access.assessment,
        "round": round_,
        "page": page,
        "notes": round_notes(round_, page.respondents),
        "paths": [
            (number, presence, page.picks.get((presence.key, "included"), presence.included))
            for number, presence in enumerate(page.consensus.paths)
        ],
    }
    return render(request, "voices/consensus.html", context)
