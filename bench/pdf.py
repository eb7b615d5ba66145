"""PDF render time: one report's PDF, the first render in a fresh process and warm ones.

    .venv/bin/python -m bench.pdf [--paths 7] [--runs 5] [--out var/bench/report.pdf]

Renders in-process exactly as the worker does (wizard.pdf_files.render_report_pdf's
template and WeasyPrint call), from an assessment built in memory, so no database is
needed. docs/benchmarks.md has the figures before and after the PDF's own stylesheet.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent


def _assessment(paths: int):  # type: ignore[no-untyped-def]
    from django.utils import timezone

    from bench.engine import fifty_path_answers
    from orgs.models import Organisation
    from wizard.answers_draft import normalised, to_engine_answers
    from wizard.models import Assessment
    from wizard.rules import make_plan, plan_to_dict
    from wizard.team_summary import team_summary

    answers = fifty_path_answers()
    answers["critical_paths"] = answers["critical_paths"][:paths]
    answers = normalised(answers)
    plan = plan_to_dict(make_plan(to_engine_answers(answers)))
    organisation = Organisation(name="Northwind Analytics", slug="northwind", headcount=450)
    return Assessment(
        organisation=organisation,
        answers=answers,
        path_descriptions=[f"What path {i} does" for i in range(paths)],
        plan=plan,
        rules_version=plan["rules_version"],
        status=Assessment.Status.COMPLETE,
        team_summary=team_summary(plan["team"]),
        completed=timezone.now(),
        furthest_step=5,
    )


def render_once(assessment) -> tuple[float, bytes]:  # type: ignore[no-untyped-def]
    from django.template.loader import render_to_string

    from wizard.pdf_files import BASE_URL
    from wizard.report.context import report_context
    from wizard.report.exports import render_pdf

    started = time.perf_counter()
    html = render_to_string(
        "wizard/report.html", {**report_context(assessment), "assessment": assessment, "pdf": True}
    )
    pdf = render_pdf(html, base_url=BASE_URL)
    return time.perf_counter() - started, pdf


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paths", type=int, default=7)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "bench" / "report.pdf")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only")
    django.setup()
    import logging

    from django.conf import settings

    # WeasyPrint reports each CSS rule it skips; the figures are what is wanted here.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)

    # The report body is cached by {% cache %}; a process-local cache needs no table, and
    # each render below draws the body afresh (the cache is cleared), as a new report does.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # Static files straight from the source folders: no collectstatic before a bench.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.core.cache import cache

    assessment = _assessment(args.paths)
    first, pdf = render_once(assessment)
    warm = []
    for _ in range(args.runs):
        cache.clear()
        seconds, pdf = render_once(assessment)
        warm.append(seconds)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(pdf)
    from pypdf import PdfReader

    pages = len(PdfReader(args.out).pages)
    result = {
        "paths": args.paths,
        "first_render_s": round(first, 3),
        "warm_median_s": round(statistics.median(warm), 3),
        "warm_min_s": round(min(warm), 3),
        "pages": pages,
        "bytes": len(pdf),
        "pdf": str(args.out),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
