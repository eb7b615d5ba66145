"""The team-structure report: the owner's view, the shared view, exports, what-if,
compare and share links. One template serves them all; flags decide the controls."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from orgs.permissions import get_organisation_for_user
from wizard.access import Access, get_assessment_for_user
from wizard.models import Assessment, ShareLink
from wizard.pdf_delivery import pdf_response
from wizard.rate_limit import over_limit
from wizard.report.changes import plan_changes, plan_items, verdict_changes
from wizard.report.context import report_context, stored_plan
from wizard.report.exports import export_filename, paths_csv, report_json
from wizard.report.forms import RevokeForm, ShareLinkForm
from wizard.report.outlook import roadmap_csv
from wizard.report.share_links import (
    share_link_create,
    share_link_find,
    share_link_revoke,
    share_link_viewed,
)
from wizard.report.what_if import WhatIfForm, what_if_plan
from wizard.services import assessment_from_what_if
from wizard.steps import resume_url


def _complete(request: HttpRequest, code: Any, *, write: bool = False) -> Access:
    access = get_assessment_for_user(request, code, write=write)
    if not access.assessment.is_complete:
        raise Http404
    return access


def _urls(assessment: Assessment) -> dict[str, str]:
    code = assessment.code
    return {
        "pdf": reverse("report-pdf", args=[code]),
        "json": reverse("report-json", args=[code]),
        "csv": reverse("report-csv", args=[code]),
        "what_if": reverse("what-if", args=[code]),
        "share_create": reverse("share-create", args=[code]),
    }


def _share_links(assessment: Assessment) -> list[ShareLink]:
    now = timezone.now()
    links = list(
        assessment.share_links.select_related("created_by").only(
            "created",
            "expires",
            "revoked",
            "views",
            "last_viewed",
            "assessment_id",
            "created_by__full_name",
            "created_by__email",
        )
    )
    for link in links:
        link.live = link.is_live(now)
    return links


def _owner_context(request: HttpRequest, access: Access, **extra: Any) -> dict[str, Any]:
    assessment = access.assessment
    context = {
        **report_context(assessment),
        "assessment": assessment,
        "access": access,
        "controls": True,
        "urls": _urls(assessment),
        # Built only if drawn: its fields are usually served from the cache.
        "what_if_form": SimpleLazyObject(lambda: WhatIfForm(assessment=assessment)),
        "share_form": ShareLinkForm(),
        **extra,
    }
    if access.can_write and assessment.organisation:
        context.setdefault("share_links", _share_links(assessment))
        context["review_url"] = reverse("assessment-review", args=[assessment.code])
    if assessment.organisation:
        context["compare_choices"] = (
            Assessment.objects.filter(
                organisation=assessment.organisation, status=Assessment.Status.COMPLETE
            )
            .exclude(pk=assessment.pk)
            .only("code", "completed", "team_summary")[:50]
        )
    return context


@require_GET
def report(request: HttpRequest, code: str) -> HttpResponse:
    access = get_assessment_for_user(request, code)
    if not access.assessment.is_complete:
        return redirect(resume_url(access.assessment))
    return render(request, "wizard/report.html", _owner_context(request, access))


@require_POST
@vary_on_headers("HX-Request")  # the whole report, or a partial of it for htmx
def what_if(request: HttpRequest, code: str) -> HttpResponse:
    """Recompute the plan from changed answers; save only on "Save as a new assessment"."""
    access = _complete(request, code)
    assessment = access.assessment
    form = WhatIfForm(request.POST, assessment=assessment)
    extra: dict[str, Any] = {"what_if_form": form, "what_if_open": True}
    if form.is_valid():
        answers = form.answers(assessment)
        if request.POST.get("action") == "save":
            if not access.can_write or assessment.organisation is None:
                raise PermissionDenied
            new = assessment_from_what_if(assessment=assessment, answers=answers, user=request.user)
            url = reverse("report", args=[new.code])
            return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
        plan = what_if_plan(answers)
        changes = plan_changes(stored_plan(assessment), plan)
        extra.update(what_if_plan=plan, what_if_changes=changes)
    template = "wizard/_what_if.html#what-if-result" if request.htmx else "wizard/report.html"
    return render(request, template, _owner_context(request, access, **extra))


@require_POST
@vary_on_headers("HX-Request")  # the whole report, or a partial of it for htmx
def share_create(request: HttpRequest, code: str) -> HttpResponse:
    access = _complete(request, code, write=True)
    if access.assessment.organisation is None:
        raise PermissionDenied
    form = ShareLinkForm(request.POST)
    extra: dict[str, Any] = {"share_form": form}
    if form.is_valid():
        _, token = share_link_create(
            assessment=access.assessment,
            user=request.user,
            expires_in_days=form.cleaned_data["expires_in_days"],
            request=request,
        )
        extra["new_link"] = request.build_absolute_uri(reverse("shared-report", args=[token]))
    context = _owner_context(request, access, **extra)
    template = "wizard/_share_links.html#share-panel" if request.htmx else "wizard/report.html"
    return render(request, template, context)


@require_POST
@vary_on_headers("HX-Request")  # the whole report, or a partial of it for htmx
def share_revoke(request: HttpRequest, code: str, link_id: int) -> HttpResponse:
    """Revoke a link once confirmed; without the confirmation (a form posted without
    JavaScript, which cannot ask first), show the confirmation step instead."""
    access = _complete(request, code, write=True)
    link = get_object_or_404(ShareLink, pk=link_id, assessment=access.assessment)
    if not RevokeForm(request.POST).is_valid():
        context = {"assessment": access.assessment, "link": link, "urls": _urls(access.assessment)}
        return render(request, "wizard/share_revoke.html", context)
    share_link_revoke(link=link, actor=request.user, request=request)
    if request.htmx:
        return render(
            request, "wizard/_share_links.html#share-panel", _owner_context(request, access)
        )
    return redirect(reverse("report", args=[access.assessment.code]) + "#share")


def _download(content: str | bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def report_json_view(request: HttpRequest, code: str) -> HttpResponse:
    assessment = _complete(request, code).assessment
    return _download(
        report_json(assessment), "application/json", export_filename(assessment, "json")
    )


@require_GET
def report_csv_view(request: HttpRequest, code: str) -> HttpResponse:
    assessment = _complete(request, code).assessment
    return _download(
        paths_csv(assessment), "text/csv; charset=utf-8", export_filename(assessment, "csv")
    )


@require_GET
def report_roadmap_csv_view(request: HttpRequest, code: str) -> HttpResponse:
    """The roadmap by quarter as CSV; plans made before rules 2026.2 have none."""
    assessment = _complete(request, code).assessment
    document = roadmap_csv(stored_plan(assessment))
    if document is None:
        raise Http404
    filename = export_filename(assessment, "csv").replace("-team-plan-", "-roadmap-")
    return _download(document, "text/csv; charset=utf-8", filename)


@require_GET
def report_pdf(request: HttpRequest, code: str) -> HttpResponse:
    return pdf_response(request, _complete(request, code).assessment, shared=False)


def _shared_link(request: HttpRequest, token: str, *, viewed: bool = True) -> ShareLink:
    link = share_link_find(token=token)
    # Every lookup counts against the client's limit, found or not. The count, the view and
    # its audit row are written in one transaction: SQLite has one writer, and separate
    # commits would each queue for its lock.
    with transaction.atomic():
        limited = over_limit(request, scope="share", per_minute=settings.SHARE_LINK_RATE_LIMIT)
        if link is not None and not limited and viewed:
            share_link_viewed(link=link, request=request)
    if limited:
        raise RateLimited
    if link is None:
        raise Http404
    return link


class RateLimited(Exception):
    pass


def _private(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "private, no-store"
    return response


def _too_many() -> HttpResponse:
    response = HttpResponse(
        _("Too many requests. Please wait a minute and try again."),
        status=429,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = "60"
    return _private(response)


@require_GET
def shared_report(request: HttpRequest, token: str) -> HttpResponse:
    """The read-only report behind a share link: no controls, no people, no internal ids."""
    try:
        link = _shared_link(request, token)
    except RateLimited:
        return _too_many()
    assessment = link.assessment
    context = {
        **report_context(assessment),
        "assessment": assessment,
        "shared": True,
        "urls": {"pdf": reverse("shared-report-pdf", args=[token])},
    }
    return _private(render(request, "wizard/report.html", context))


@require_GET
def shared_report_pdf(request: HttpRequest, token: str) -> HttpResponse:
    try:
        # The "preparing" page's polls count against the limit, not as views.
        link = _shared_link(request, token, viewed=not request.htmx)
    except RateLimited:
        return _too_many()
    return _private(pdf_response(request, link.assessment, shared=True))


@require_GET
def compare(request: HttpRequest, slug: str) -> HttpResponse:
    """Two completed assessments of one organisation, side by side, changes marked."""
    organisation, _membership = get_organisation_for_user(request, slug)
    try:
        codes = {uuid.UUID(request.GET.get("a", "")), uuid.UUID(request.GET.get("b", ""))}
    except ValueError:
        raise Http404 from None
    found = list(
        Assessment.objects.filter(
            organisation=organisation, status=Assessment.Status.COMPLETE, code__in=codes
        )
    )
    if len(found) != 2:
        raise Http404
    first, second = sorted(found, key=lambda a: (a.completed, a.pk))
    before, after = stored_plan(first), stored_plan(second)
    context = {
        "organisation": organisation,
        "first": first,
        "second": second,
        "same_day": timezone.localdate(first.completed) == timezone.localdate(second.completed),
        "items": plan_items(before, after),
        "verdicts": verdict_changes(before, after),
    }
    return render(request, "wizard/compare.html", context)
