"""The wizard's pages. Views parse the request, call one service and render; the steps'
rules live in steps.py, the writes in services.py and access in wizard/access.py."""

from __future__ import annotations

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
from wizard.models import STEP_COUNT
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
from wizard.step_actions import conflicting_fields, parse_action
from wizard.steps import STEPS, STEPS_BY_SLUG, Step, resume_url, saved_row_positions, step_url


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


def _render_step(
    request: HttpRequest,
    access: Access,
    step: Step,
    form: Any = None,
    *,
    status: int = 200,
    conflict: dict[str, Any] | None = None,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    assessment = access.assessment
    if form is None:
        form = step.build(assessment, add_row=bool(extra and extra.get("add_row")))
    context = {
        "assessment": assessment,
        "access": access,
        "step": step,
        "steps": STEPS,
        "form": form,
        "step_url": step_url(assessment, step),
        "autosave_url": reverse("autosave", args=[assessment.code, step.slug]),
        "previous_url": step_url(assessment, STEPS[step.number - 2]) if step.number > 1 else None,
        "conflict": conflict,
        "currency": assessment.organisation.currency if assessment.organisation else "GBP",
        **preview_context(assessment, step, form),
        **(extra or {}),
    }
    if step.slug == "roi":
        names = [path["name"] for path in assessment.answers.get("critical_paths", [])]
        context["roi_rows"] = list(zip(form.forms, names, strict=False))
    template = (
        "wizard/step.html#wizard-body"
        if request.htmx and not request.htmx.history_restore_request
        else "wizard/step.html"
    )
    return render(request, template, context, status=status)


def _stale_response(
    request: HttpRequest, access: Access, step: Step, form: Any, stale: StaleVersion
) -> HttpResponse:
    access = Access(stale.current, access.role)
    conflict = {
        "version": stale.current.version,
        "fields": conflicting_fields(step, stale.current, form),
    }
    return _render_step(
        request, access, step, form, status=409 if request.htmx else 200, conflict=conflict
    )


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")  # a whole page, or the step's partial for htmx
def step_view(request: HttpRequest, code: str, slug: str) -> HttpResponse:
    step = STEPS_BY_SLUG.get(slug)
    if step is None:
        raise Http404
    access = get_assessment_for_user(request, code, write=request.method == "POST")
    assessment = access.assessment
    if assessment.is_complete:
        return redirect("report", code=assessment.code)
    if step.number > assessment.furthest_step:
        # Earlier steps come first: send the user to the first one not done yet.
        return redirect(resume_url(assessment))
    if request.method == "GET":
        return _render_step(request, access, step)

    action = parse_action(request.POST)
    form = step.build(assessment, action.data)
    if not form.is_valid():
        return _render_step(request, access, step, form, extra={"add_row": action.kind == "add"})
    advance = action.kind == "continue"
    try:
        assessment = assessment_save_step(
            assessment=assessment,
            step=step,
            form=form,
            expected_version=action.expected_version,
            advance=advance,
            finish=advance and step.number == STEP_COUNT,
            actor=request.user if request.user.is_authenticated else None,
        )
    except StaleVersion as stale:
        return _stale_response(request, access, step, form, stale)
    except NotReady:
        return redirect(resume_url(assessment))
    if not advance:  # a row added or removed, or "Keep my answers" without JavaScript
        extra = {"add_row": action.kind == "add", "saved_at": timezone.now()}
        response = _render_step(request, access, step, extra=extra)
    elif assessment.is_complete:
        url = reverse("report", args=[assessment.code])
        response = HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    else:
        next_url = step_url(assessment, STEPS[step.number])
        if request.htmx:
            response = push_url(_render_step(request, access, STEPS[step.number]), next_url)
        else:
            response = redirect(next_url)
    # Tells the page's script that the answers it kept in the browser are on the server.
    response["X-Hireframe-Saved"] = str(assessment.version)
    return response


@require_POST
def autosave(request: HttpRequest, code: str, slug: str) -> HttpResponse:
    """Save one step as it is typed; answers with out-of-band updates for the page."""
    step = STEPS_BY_SLUG.get(slug)
    if step is None:
        raise Http404
    access = get_assessment_for_user(request, code, write=True)
    assessment = access.assessment
    if assessment.is_complete:
        return HttpResponseClientRedirect(reverse("report", args=[assessment.code]))
    action = parse_action(request.POST)
    form = step.build(assessment, action.data)
    context: dict[str, Any] = {
        "step": step,
        "form": form,
        "assessment": assessment,
        "currency": assessment.organisation.currency if assessment.organisation else "GBP",
    }
    if not form.is_valid():
        context.update(preview_context(assessment, step))
        return render(request, "wizard/autosave.html", context, status=422)
    try:
        assessment = assessment_save_step(
            assessment=assessment,
            step=step,
            form=form,
            expected_version=action.expected_version,
            advance=False,
        )
    except StaleVersion as stale:
        context["conflict"] = {
            "version": stale.current.version,
            "fields": conflicting_fields(step, stale.current, form),
        }
        context["autosave_url"] = reverse("autosave", args=[assessment.code, step.slug])
        context["step_url"] = step_url(assessment, step)
        return render(request, "wizard/autosave.html", context, status=409)
    context.update(preview_context(assessment, step), saved_at=timezone.now(), saved=True)
    if step.slug == "paths":
        context["row_positions"] = saved_row_positions(form)
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
        assessment_delete(assessment=assessment, actor=request.user)
        messages.success(request, _("The assessment was deleted."))
        return redirect("organisation", slug=slug)
    return render(request, "wizard/delete.html", {"assessment": assessment})
