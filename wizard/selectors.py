"""Reads of assessments for lists."""

from __future__ import annotations

from django.db.models import QuerySet

from orgs.models import Organisation
from wizard.models import Assessment


def assessments_for_organisation(organisation: Organisation) -> QuerySet[Assessment]:
    # Only the columns the dashboard shows: plans and answers can be large.
    return (
        Assessment.objects.filter(organisation=organisation)
        .select_related("created_by")
        .only(
            "code",
            "title",
            "status",
            "furthest_step",
            "maturity_level",
            "stage",
            "team_summary",
            "created",
            "updated",
            "completed",
            "created_by__email",
            "created_by__full_name",
            "organisation_id",
        )
        .order_by("-created", "-id")
    )
