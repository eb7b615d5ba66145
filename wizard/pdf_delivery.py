"""Answering a request for a report's PDF: the stored file, or a page that waits for it.

The same for members and share-link holders; the views decide who may ask. Nothing here
renders: a PDF not yet stored is queued (at most PDF_RENDER_RATE_LIMIT renders a minute
per client) and the "preparing" page polls until it is there.
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from wizard.models import Assessment
from wizard.pdf_files import pdf_is_pending, pdf_name, pdf_render_later
from wizard.rate_limit import over_limit
from wizard.report.exports import export_filename

# How often the "preparing" page asks again, in seconds (htmx, or a refresh without it).
POLL_SECONDS = 3


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    return response


def pdf_response(request: HttpRequest, assessment: Assessment, *, shared: bool) -> HttpResponse:
    """The stored PDF as a download; else queue its render and say it is being prepared."""
    name = pdf_name(assessment)
    if not default_storage.exists(name) and not pdf_is_pending(name):
        if over_limit(request, scope="pdf-render", per_minute=settings.PDF_RENDER_RATE_LIMIT):
            response = HttpResponse(
                _("Too many PDFs asked for. Please wait a minute and try again."),
                status=429,
                content_type="text/plain; charset=utf-8",
            )
            response["Retry-After"] = "60"
            return _no_store(response)
        pdf_render_later(assessment=assessment, after_commit=False)
    # Checked again: a queue that runs tasks inline has rendered it by now.
    if default_storage.exists(name):
        if request.htmx:
            return _no_store(_preparing(request, ready=True, shared=shared))
        # Read whole (a report's PDF is tens of kilobytes): one storage read, and the
        # response carries its length.
        with default_storage.open(name, "rb") as stored:
            response = HttpResponse(stored.read(), content_type="application/pdf")
        filename = export_filename(assessment, "pdf")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return _no_store(response)
    return _no_store(_preparing(request, ready=False, shared=shared))


def _preparing(request: HttpRequest, *, ready: bool, shared: bool) -> HttpResponse:
    template = "wizard/pdf_preparing.html"
    if request.htmx:
        template += "#pdf-status"
    context = {
        "ready": ready,
        "shared": shared,
        "pdf_url": request.path,
        "poll_seconds": POLL_SECONDS,
    }
    # 202: accepted, not there yet; a browser shows the page all the same.
    return render(request, template, context, status=200 if ready else 202)
