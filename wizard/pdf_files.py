"""Each finished report's PDF, rendered once by the worker and kept in file storage.

A finished assessment never changes, so its PDF is rendered once and served from storage
(Django's storage API: the file system by default, any django-storages backend in
production). The stored name carries what the rendering depends on, the rules version
and the report templates' version, so a new release of either re-renders lazily: the
first request after it finds no file and queues one. No web request renders a PDF.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import translation

from background.queue import enqueue_after_commit, retried
from observability.metrics import PDF_RENDER_SECONDS
from wizard import rules
from wizard.models import Assessment
from wizard.report.context import report_context
from wizard.report.exports import render_pdf

logger = logging.getLogger(__name__)

# A render queued but not yet stored: no second render is queued for the same file
# meanwhile. After this long a lost render (a worker killed mid-way) may be queued again.
PENDING_FOR = timedelta(minutes=10)

# Unused by the PDF's content, but WeasyPrint wants an absolute base for relative URLs;
# the fetcher in wizard/exports.py reads /static/ from disk and fetches nothing else.
BASE_URL = "http://hireframe.invalid/"


@functools.cache
def template_version() -> str:
    """A short hash of everything the PDF is drawn from: the report's templates and the
    PDF stylesheet. Computed once per process; a deployment changes it by changing them."""
    base = Path(settings.BASE_DIR)
    files = sorted(
        [
            base / "templates" / "base.html",
            base / "static" / "css" / "pdf.css",
            *(base / "templates" / "wizard").rglob("*.html"),
        ]
    )
    digest = hashlib.sha256()
    for path in files:
        if path.exists():
            digest.update(path.relative_to(base).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def pdf_name(assessment: Assessment, language: str | None = None) -> str:
    """Where this assessment's PDF is kept, for today's rules and templates, in one
    language and the organisation's currency (an owner may change it)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    currency = assessment.organisation.currency if assessment.organisation else "GBP"
    version = f"{rules.RULES_VERSION}-{template_version()}"
    return f"reports/{assessment.code}/{version}-{language}-{currency}.pdf"


def _pending_key(name: str) -> str:
    return "pdf-pending:" + hashlib.sha256(name.encode()).hexdigest()


def pdf_is_pending(name: str) -> bool:
    return cache.get(_pending_key(name)) is not None


def pdf_render_later(
    *, assessment: Assessment, language: str | None = None, after_commit: bool = True
) -> bool:
    """Queue the render of `assessment`'s PDF unless it is stored or already queued.

    Returns whether a render was queued. Called when an assessment is finished (queued
    after that write commits), and by a PDF request that finds no file, after a rules or
    template change (`after_commit=False`: the assessment is long committed)."""
    name = pdf_name(assessment, language)
    if default_storage.exists(name):
        return False
    if not cache.add(_pending_key(name), True, timeout=int(PENDING_FOR.total_seconds())):
        return False
    kwargs = {
        "code": str(assessment.code),
        "language": language or translation.get_language() or settings.LANGUAGE_CODE,
        "name": name,
    }
    if after_commit:
        enqueue_after_commit(render_report_pdf, **kwargs)
    else:
        render_report_pdf.enqueue(**kwargs)
    return True


@task()
@retried(attempts=3, first_delay=timedelta(seconds=20))
def render_report_pdf(*, code: str, language: str, name: str) -> None:
    """Render one report's PDF and store it under `name`; a stored file is left alone.

    A failed attempt keeps the render marked as queued (its retry follows), so requests
    meanwhile queue no other."""
    assessment = Assessment.objects.select_related("organisation").filter(code=code).first()
    if assessment is not None and assessment.is_complete and not default_storage.exists(name):
        with translation.override(language):
            started = time.perf_counter()
            html = render_to_string(
                "wizard/report.html",
                {**report_context(assessment), "assessment": assessment, "pdf": True},
            )
            pdf = render_pdf(html, base_url=BASE_URL)
            seconds = time.perf_counter() - started
        PDF_RENDER_SECONDS.observe(seconds)
        # A render racing another (a retry) may find the file there: keep the first.
        if not default_storage.exists(name):
            default_storage.save(name, ContentFile(pdf))
        logger.info("Rendered the PDF of report %s in %.2f s.", assessment.pk, seconds)
    cache.delete(_pending_key(name))
