"""The report as files: JSON (answers and plan, in the engine's contract), CSV of the
path table, and PDF rendered by WeasyPrint from the report's own template."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils.text import slugify

from voices.report_summary import path_notes, round_export
from wizard.models import Assessment
from wizard.report.context import stored_plan
from wizard.rules.consensus import path_key

CSV_COLUMNS = (
    "name",
    "kind",
    "verdict",
    "rules",
    "annual_impact",
    "labelled_examples",
    "months_to_build",
    "maintenance",
    "foundation_model_adequate",
    "needs_explainability",
    "build_cost",
    "yearly_maintenance",
    "net_value",
    "break_even_annual_impact",
    "notes",  # notes and evidence from a round of answers (voices/)
)


def export_filename(assessment: Assessment, extension: str) -> str:
    name = slugify(assessment.organisation.name) if assessment.organisation else "hireframe"
    return f"{name}-team-plan-{assessment.completed:%Y-%m-%d}.{extension}"


def report_json(assessment: Assessment) -> str:
    """Answers and plan exactly as the API speaks them, plus when and with which rules."""
    document = {
        "rules_version": assessment.rules_version,
        "completed": assessment.completed.isoformat() if assessment.completed else None,
        "answers": assessment.answers,
        "plan": assessment.plan,
    }
    voices = round_export(assessment)
    if voices is not None:
        document["round"] = voices
    return json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False)


def paths_csv(assessment: Assessment) -> str:
    """One row per critical path: the answers that went in and the plan's figures."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    inputs = assessment.answers.get("critical_paths", [])
    notes = path_notes(assessment)
    for path_input, result in zip(inputs, stored_plan(assessment).paths, strict=True):
        economics = result.economics
        row = {
            **path_input,
            "name": result.name,
            "verdict": result.verdict,
            "rules": " ".join(result.rules),
            "build_cost": economics.build_cost,
            "yearly_maintenance": economics.yearly_maintenance,
            "net_value": economics.net_value,
            "break_even_annual_impact": economics.break_even_annual_impact,
            "notes": notes.get(path_key(result.name), ""),
        }
        writer.writerow(
            ["" if row.get(column) is None else _cell(row[column]) for column in CSV_COLUMNS]
        )
    return out.getvalue()


def _cell(value: Any) -> Any:
    # A spreadsheet runs a cell that starts with = + - or @ as a formula; names are text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _mime(path: str) -> str:
    return {".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png"}.get(
        Path(path).suffix, "application/octet-stream"
    )


def _static_fetcher() -> Any:
    """A WeasyPrint fetcher that reads /static/ URLs from disk and fetches nothing else, so
    rendering a PDF never makes a network request."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticFilesFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = urlparse(url).path
            if not path.startswith(settings.STATIC_URL):
                raise ValueError(f"PDF rendering does not fetch {url}")
            relative = path.removeprefix(settings.STATIC_URL)
            found = finders.find(relative) or str(Path(settings.STATIC_ROOT) / relative)
            return URLFetcherResponse(url, Path(found).read_bytes(), {"Content-Type": _mime(found)})

    return StaticFilesFetcher(allowed_protocols={"http", "https", "data"})


def render_pdf(html: str, base_url: str) -> bytes:
    from weasyprint import HTML

    document = HTML(string=html, base_url=base_url, url_fetcher=_static_fetcher())
    # Tagged, as PDF/UA-1: a screen reader follows headings, lists and tables.
    return document.write_pdf(pdf_variant="pdf/ua-1")
