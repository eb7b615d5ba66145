"""Building step form posts the way a browser would send them."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from wizard.models import Assessment

HTMX = {"HTTP_HX_REQUEST": "true"}


def management(prefix: str, total: int, initial: int = 0) -> dict[str, str]:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "50",
    }


def maturity_data(**values: Any) -> dict[str, Any]:
    return {"working_pilots": "0", "systems_in_production": "0", "declared_level": "", **values}


def paths_data(*rows: dict[str, Any], initial: int = 0) -> dict[str, Any]:
    data = management("paths", len(rows), initial)
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"paths-{i}-{key}"] = value
    return data


def roi_data(*rows: dict[str, Any]) -> dict[str, Any]:
    data = {
        **management("roi", len(rows), len(rows)),
        "roi-costs-ml_engineer_annual_cost": "200000",
        "roi-costs-horizon_years": "3",
    }
    defaults = {
        "annual_impact": "0",
        "labelled_examples": "0",
        "months_to_build": "6",
        "maintenance": "medium",
        "foundation_model_adequate": "partly",
    }
    for i, row in enumerate(rows):
        for key, value in {**defaults, **row}.items():
            data[f"roi-{i}-{key}"] = value
    return data


def hiring_data(**values: Any) -> dict[str, Any]:
    return {
        "headcount": "60",
        "ai_engineer_annual_cost": "180000",
        "infra_engineer_annual_cost": "190000",
        "months_to_hire": "3",
        "hires_per_quarter": "3",
        **values,
    }


def post_step(
    client: Client,
    assessment: Assessment,
    slug: str,
    data: dict[str, Any],
    *,
    action: str | None = "continue",
    htmx: bool = False,
    autosave: bool = False,
    version: int | None = None,
):
    assessment.refresh_from_db()
    payload = {"version": str(assessment.version if version is None else version), **data}
    if action:
        payload["action"] = action
    name = "autosave" if autosave else "step"
    url = reverse(name, args=[assessment.code, slug])
    return client.post(url, payload, **(HTMX if htmx or autosave else {}))


def step_url(assessment: Assessment, slug: str) -> str:
    return reverse("step", args=[assessment.code, slug])
