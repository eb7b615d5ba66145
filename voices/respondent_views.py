"""A respondent's pages: their rounds, and steps 1 to 3 answered on their own, with the
wizard's step classes and templates (autosave, conflicts and no-JavaScript posts alike)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect, push_url

from voices.access import get_respondent_for_user, respondents_for_user
from voices.models import Respondent
from voices.rounds import (
    RESPONDENT_STEP_COUNT,
    RoundRefused,
    StaleResponse,
    respondent_save_step,
)
from wizard.answers_draft import Draft
from wizard.previews import preview_context
from wizard.step_actions import parse_action
from wizard.steps import STEPS, Step, StepForm, registered
from wizard.steps.paths import PathsStep

RESPONDENT_STEPS: tuple[Step, ...] = STEPS[:RESPONDENT_STEP_COUNT]


@dataclass(frozen=True)
class StepLink:
    """A step as the progress bar shows it, with the respondent's own URL."""

    number: int
    slug: str
    short_title: Any
    url: str


def _url(respondent: Respondent, step: Step) -> str:
    return reverse("respond-step", args=[respondent.code, step.slug])


def _step_for(slug: str) -> Step:
    step = next((s for s in RESPONDENT_STEPS if s.slug == slug), None)
    if step is None:
        raise Http404
    return step


def _resume(respondent: Respondent) -> str:
    if respondent.is_complete or not respondent.round.is_open:
        return reverse("respond", args=[respondent.code])
    number = min(respondent.furthest_step, RESPONDENT_STEP_COUNT)
    return _url(respondent, RESPONDENT_STEPS[number - 1])


def _render(
    request: HttpRequest,
    respondent: Respondent,
    step: Step,
    form: StepForm | None = None,
    *,
    status: int = 200,
    draft: Draft | None = None,
    conflict: dict[str, Any] | None = None,
    add_row: bool = False,
    saved_at: datetime | None = None,
) -> HttpResponse:
    if form is None:
        form = step.build(respondent, add_row=add_row)
    previous = RESPONDENT_STEPS[step.number - 2] if step.number > 1 else None
    refused = form.is_bound and not form.is_valid()
    context = {
        "assessment": respondent,
        "respondent": respondent,
        "step": step,
        "steps": [
            StepLink(s.number, s.slug, s.short_title, _url(respondent, s)) for s in RESPONDENT_STEPS
        ],
        "step_count": RESPONDENT_STEP_COUNT,
        "form": form,
        "step_url": _url(respondent, step),
        "autosave_url": reverse("respond-autosave", args=[respondent.code, step.slug]),
        "previous_url": _url(respondent, previous) if previous else None,
        "conflict": conflict,
        "saved_at": saved_at,
        "currency": respondent.organisation.currency,
        "error_summary": step.error_summary(respondent, form) if refused else [],
        "preview_hidden": refused,
        "add_refused": refused and add_row,
        "submit_label": _("Submit my answers") if step.number == RESPONDENT_STEP_COUNT else None,
        **({} if refused else preview_context(respondent.answers, draft)),
        **step.extra_context(respondent, form),
    }
    context["paths_url"] = _url(respondent, registered(PathsStep))
    template = (
        "wizard/step.html#wizard-body"
        if request.htmx and not request.htmx.history_restore_request
        else "wizard/step.html"
    )
    return render(request, template, context, status=status)


def _conflict(stale: StaleResponse) -> dict[str, Any]:
    return {"version": stale.current.version, "fields": stale.conflicts}


@login_required
@require_GET
def rounds_mine(request: HttpRequest) -> HttpResponse:
    """The rounds the signed-in user was asked to answer."""
    asked = list(respondents_for_user(request).order_by("-round__created"))
    return render(request, "voices/rounds_mine.html", {"asked": asked})


@login_required
@require_GET
def respond(request: HttpRequest, code: str) -> HttpResponse:
    """Where a respondent's link lands: their next step, or what became of their answers."""
    respondent = get_respondent_for_user(request, code)
    if respondent.round.is_open and not respondent.is_complete:
        return redirect(_resume(respondent))
    assessment = respondent.round.assessment
    context = {
        "respondent": respondent,
        "report_url": reverse("report", args=[assessment.code]) if assessment.is_complete else None,
    }
    return render(request, "voices/respond_done.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")  # a whole page, or the step's partial for htmx
def respond_step(request: HttpRequest, code: str, slug: str) -> HttpResponse:
    step = _step_for(slug)
    respondent = get_respondent_for_user(request, code)
    if respondent.is_complete or not respondent.round.is_open:
        return redirect("respond", code=respondent.code)
    if step.number > respondent.furthest_step:
        return redirect(_resume(respondent))
    if request.method == "GET":
        return _render(request, respondent, step)
    action = parse_action(request.POST, step)
    form = step.build(respondent, action.data)
    if not form.is_valid():
        return _render(request, respondent, step, form, add_row=action.adds_row)
    try:
        respondent, draft = respondent_save_step(
            respondent=respondent,
            step=step,
            form=form,
            expected_version=action.expected_version,
            advance=action.advances,
        )
    except StaleResponse as stale:
        return _render(
            request,
            stale.current,
            step,
            form,
            status=409 if request.htmx else 200,
            conflict=_conflict(stale),
        )
    except RoundRefused:
        return redirect("respond", code=respondent.code)
    if not action.advances:
        response = _render(
            request, respondent, step, draft=draft, add_row=action.adds_row, saved_at=timezone.now()
        )
    elif respondent.is_complete:
        url = reverse("respond", args=[respondent.code])
        response = HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    else:
        following = RESPONDENT_STEPS[step.number]
        if request.htmx:
            response = push_url(
                _render(request, respondent, following, draft=draft), _url(respondent, following)
            )
        else:
            response = redirect(_url(respondent, following))
    response["X-Hireframe-Saved"] = str(respondent.version)
    return response


@login_required
@require_POST
def respond_autosave(request: HttpRequest, code: str, slug: str) -> HttpResponse:
    """Save a respondent's step as it is typed, as the wizard's autosave does."""
    step = _step_for(slug)
    respondent = get_respondent_for_user(request, code)
    if respondent.is_complete or not respondent.round.is_open:
        return HttpResponseClientRedirect(reverse("respond", args=[respondent.code]))
    action = parse_action(request.POST, step)
    form = step.build(respondent, action.data)
    context: dict[str, Any] = {
        "step": step,
        "form": form,
        "assessment": respondent,
        "currency": respondent.organisation.currency,
        **step.extra_context(respondent, form),
    }
    if not form.is_valid():
        context.update(preview_context(respondent.answers))
        return render(request, "wizard/autosave.html", context, status=422)
    try:
        respondent, draft = respondent_save_step(
            respondent=respondent,
            step=step,
            form=form,
            expected_version=action.expected_version,
            advance=False,
        )
    except StaleResponse as stale:
        context["conflict"] = _conflict(stale)
        context["autosave_url"] = reverse("respond-autosave", args=[respondent.code, step.slug])
        context["step_url"] = _url(respondent, step)
        return render(request, "wizard/autosave.html", context, status=409)
    context.update(
        preview_context(respondent.answers, draft),
        assessment=respondent,
        saved_at=timezone.now(),
        saved=True,
        saved_inputs=step.saved_inputs(form),
    )
    return render(request, "wizard/autosave.html", context)
