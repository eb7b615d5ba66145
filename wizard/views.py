"""The wizard's pages. Views parse the request, call one service and render; the steps'
rules live in the steps/ package, the writes in services.py and access in wizard/access.py."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect, push_url

from orgs.permissions import get_organisation_for_user, require_writer
from wizard import api_docs as api_docs_content
from wizard.access import Access, get_assessment_for_user, remember_guest_draft
from wizard.answers_draft import Draft
from wizard.previews import preview_context
from wizard.rules import RULES_VERSION
from wizard.services import (
    NotReady,
    StaleVersion,
    assessment_copy,
    assessment_delete,
    assessment_save_step,
    assessment_start,
    default_organisation_for,
)
from wizard.step_actions import parse_action
from wizard.steps import (
    STEP_COUNT,
    STEPS,
    Step,
    StepForm,
    resume_url,
    step_after,
    step_before,
    step_for_slug,
    step_url,
)


def landing(request: HttpRequest) -> HttpResponse:
    return render(request, "wizard/landing.html")


def api_docs(request: HttpRequest) -> HttpResponse:
    context = {
        "fields": api_docs_content.field_rows(),
        "example_request": api_docs_content.example_request(),
        "example_response": api_docs_content.example_response(),
        "api_url": request.build_absolute_uri(reverse("api-plan")),
        "rules_version": RULES_VERSION,
    }
    return render(request, "wizard/api_docs.html", context)


@require_http_methods(["GET", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    """Begin a new assessment: in the user's organisation, or as a guest's draft."""
    if request.method == "GET":  # a bookmark or a refresh: the Start button is here
        return redirect(reverse("landing") + "#start")
    organisation = None
    if request.user.is_authenticated:
        slug = request.POST.get("organisation")
        if slug:
            organisation, membership = get_organisation_for_user(request, slug)
            require_writer(membership)
        else:
            organisation = default_organisation_for(request.user)
        if organisation is None:
            messages.info(
                request, _("You can read your organisations' assessments, but not start one.")
            )
            return redirect("dashboard")
    assessment = assessment_start(organisation=organisation, user=request.user)
    if organisation is None:
        remember_guest_draft(request, assessment)
    return redirect(step_url(assessment, STEPS[0]))


@require_GET
def resume(request: HttpRequest, code: str) -> HttpResponse:
    access = get_assessment_for_user(request, code)
    return redirect(resume_url(access.assessment))


def _conflict(stale: StaleVersion) -> dict[str, Any]:
    return {"version": stale.current.version, "fields": stale.conflicts}


def _render_step(
    request: HttpRequest,
    access: Access,
    step: Step,
    form: StepForm | None = None,
    *,
    status: int = 200,
    draft: Draft | None = None,
    conflict: dict[str, Any] | None = None,
    add_row: bool = False,
    saved_at: datetime | None = None,
) -> HttpResponse:
    """The step's page (or, for htmx, its body). `draft`, when the request just saved
    one, is what the preview shows; otherwise it shows the stored answers."""
    assessment = access.assessment
    if form is None:
        form = step.build(assessment, add_row=add_row)
    previous = step_before(step)
    refused = form.is_bound and not form.is_valid()
    # A refused post shows what was refused, at the top, and no preview: the saved answers'
    # preview would contradict the form, and the typed ones cannot be planned.
    context = {
        "assessment": assessment,
        "access": access,
        "step": step,
        "steps": STEPS,
        "step_count": STEP_COUNT,
        "progress": {"done": 2 * step.number - 1, "of": 2 * STEP_COUNT},
        "form": form,
        "step_url": step_url(assessment, step),
        "autosave_url": reverse("autosave", args=[assessment.code, step.slug]),
        "previous_step": previous,
        "previous_url": step_url(assessment, previous) if previous else None,
        "conflict": conflict,
        "saved_at": saved_at,
        "currency": assessment.organisation.currency if assessment.organisation else "GBP",
        "error_summary": step.error_summary(assessment, form) if refused else [],
        "preview_hidden": refused,
        "add_refused": refused and add_row,
        **({} if refused else preview_context(assessment.answers, draft)),
        **step.extra_context(assessment, form),
    }
    template = (
        "wizard/step.html#wizard-body"
        if request.htmx and not request.htmx.history_restore_request
        else "wizard/step.html"
    )
    return render(request, template, context, status=status)


def _step_for(slug: str) -> Step:
    step = step_for_slug(slug)
    if step is None:
        raise Http404
    return step


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")  # a whole page, or the step's partial for htmx
def step_view(request: HttpRequest, code: str, slug: str) -> HttpResponse:
    step = _step_for(slug)
    access = get_assessment_for_user(request, code, write=request.method == "POST")
    assessment = access.assessment
    if assessment.is_complete:
        return redirect("report", code=assessment.code)
    if step.number > assessment.furthest_step:
        # Earlier steps come first: send the user to the first one not done yet.
        return redirect(resume_url(assessment))
    if request.method == "GET":
        return _render_step(request, access, step)

    action = parse_action(request.POST, step)
    form = step.build(assessment, action.data)
    if not form.is_valid():
        return _render_step(request, access, step, form, add_row=action.adds_row)
    try:
        assessment, draft = assessment_save_step(
            assessment=assessment,
            step=step,
            form=form,
            expected_version=action.expected_version,
            advance=action.advances,
            finish=action.advances and step.is_last,
            actor=request.user if request.user.is_authenticated else None,
        )
    except StaleVersion as stale:
        status = 409 if request.htmx else 200
        access = Access(stale.current, access.role)
        return _render_step(request, access, step, form, status=status, conflict=_conflict(stale))
    except NotReady:
        return redirect(resume_url(assessment))
    following = step_after(step)
    if not action.advances:  # a row added or removed, or "Keep my answers" without JavaScript
        response = _render_step(
            request, access, step, draft=draft, add_row=action.adds_row, saved_at=timezone.now()
        )
    elif assessment.is_complete or following is None:
        url = reverse("report", args=[assessment.code])
        response = HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    else:
        next_url = step_url(assessment, following)
        if request.htmx:
            response = push_url(_render_step(request, access, following, draft=draft), next_url)
        else:
            response = redirect(next_url)
    # Tells the page's script that the answers it kept in the browser are on the server.
    response["X-Hireframe-Saved"] = str(assessment.version)
    return response


@require_POST
def autosave(request: HttpRequest, code: str, slug: str) -> HttpResponse:
    """Save one step as it is typed; answers with out-of-band updates for the page."""
    step = _step_for(slug)
    access = get_assessment_for_user(request, code, write=True)
    assessment = access.assessment
    if assessment.is_complete:
        return HttpResponseClientRedirect(reverse("report", args=[assessment.code]))
    action = parse_action(request.POST, step)
    form = step.build(assessment, action.data)
    context: dict[str, Any] = {
        "step": step,
        "form": form,
        "assessment": assessment,
        "currency": assessment.organisation.currency if assessment.organisation else "GBP",
        **step.extra_context(assessment, form),
    }
    if not form.is_valid():
        context.update(preview_context(assessment.answers))
        return render(request, "wizard/autosave.html", context, status=422)
    try:
        assessment, draft = assessment_save_step(
            assessment=assessment,
            step=step,
            form=form,
            expected_version=action.expected_version,
            advance=False,
        )
    except StaleVersion as stale:
        context["conflict"] = _conflict(stale)
        context["autosave_url"] = reverse("autosave", args=[assessment.code, step.slug])
        context["step_url"] = step_url(assessment, step)
        return render(request, "wizard/autosave.html", context, status=409)
    context.update(
        preview_context(assessment.answers, draft),
        saved_at=timezone.now(),
        saved=True,
        saved_inputs=step.saved_inputs(form),
    )
    return render(request, "wizard/autosave.html", context)


@require_POST
def copy(request: HttpRequest, code: str) -> HttpResponse:
    access = get_assessment_for_user(request, code, write=True)
    user = request.user if request.user.is_authenticated else None
    new = assessment_copy(assessment=access.assessment, user=user)
    if new.organisation is None:
        # A guest's copy is a guest draft too, theirs through the session like the original.
        remember_guest_draft(request, new)
    messages.success(
        request, _("A copy of the assessment is ready: change what has changed since.")
    )
    return redirect(step_url(new, STEPS[0]))


@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, code: str) -> HttpResponse:
    access = get_assessment_for_user(request, code, write=True)
    if not access.can_delete:
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    assessment = access.assessment
    if request.method == "POST":
        slug = assessment.organisation.slug
        assessment_delete(assessment=assessment, actor=request.user, request=request)
        messages.success(request, _("The assessment was deleted."))
        return redirect("organisation", slug=slug)
    return render(request, "wizard/delete.html", {"assessment": assessment})
