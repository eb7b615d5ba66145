"""Create (or refresh) the demo organisation, its demo login and a finished example
assessment, and print how to sign in."""

from __future__ import annotations

import secrets
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.models import User
from orgs.models import Organisation
from orgs.services import organisation_create
from wizard.answers_draft import normalised
from wizard.models import Assessment
from wizard.services import assessment_finish

DEMO_EMAIL = "demo@hireframe.example"
DEMO_ORGANISATION = "Northwind Logistics (demo)"
DEMO_PATHS = [
    (
        "Delivery time forecasting",
        "Tells customers when a parcel will arrive.",
        {
            "kind": "predictive",
            "annual_impact": 420_000,
            "labelled_examples": 2_400_000,
            "months_to_build": 5,
            "maintenance": "medium",
            "foundation_model_adequate": "partly",
        },
    ),
    (
        "Fraudulent damage claims",
        "Flags claims that deserve a second look.",
        {
            "kind": "predictive",
            "annual_impact": 260_000,
            "labelled_examples": 85_000,
            "months_to_build": 6,
            "maintenance": "high",
            "foundation_model_adequate": "no",
            "needs_explainability": True,
        },
    ),
    (
        "Customer email replies",
        "Drafts answers to where-is-my-parcel emails.",
        {
            "kind": "generative",
            "annual_impact": 90_000,
            "labelled_examples": 40_000,
            "months_to_build": 4,
            "maintenance": "medium",
            "foundation_model_adequate": "yes",
        },
    ),
    (
        "Re-routing agent",
        "Moves deliveries between vans when a driver is delayed.",
        {"kind": "agentic", "annual_impact": 150_000, "labelled_examples": 0, "months_to_build": 6},
    ),
    (
        "Parcel damage from photos",
        "Spots damaged parcels at the depot door.",
        {
            "kind": "vision_audio",
            "annual_impact": 70_000,
            "labelled_examples": 3_500,
            "months_to_build": 8,
            "foundation_model_adequate": "no",
        },
    ),
]


def demo_answers(headcount: int) -> dict[str, Any]:
    return {
        "organisation": {"headcount": headcount},
        "maturity": {"working_pilots": 3, "systems_in_production": 2, "optimising_at_scale": False},
        "critical_paths": [{"name": name, **values} for name, _, values in DEMO_PATHS],
        "priorities": {"ship_quickly": True, "integrate_existing_systems": True},
        "assumptions": {"ml_engineer_annual_cost": 180_000, "horizon_years": 3},
    }


class Command(BaseCommand):
    help = "Create the demo organisation, demo login and example assessment; safe to run again."

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(email=DEMO_EMAIL).first()
        if user is None:
            user = User.objects.create_user(DEMO_EMAIL, full_name="Demo Manager")
        # A fresh random password each run: the demo login is printed, never guessable.
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.save(update_fields=["password"])
        organisation = Organisation.objects.filter(memberships__user=user).first()
        if organisation is None:
            organisation = organisation_create(name=DEMO_ORGANISATION, headcount=140, owner=user)
        if not organisation.assessments.filter(status=Assessment.Status.COMPLETE).exists():
            self._example_assessment(organisation, user)
        self.stdout.write(
            self.style.SUCCESS("Demo organisation ready: ")
            + f"{organisation.name}\n  sign in as {DEMO_EMAIL} with password {password}"
        )

    def _example_assessment(self, organisation: Organisation, user: User) -> None:
        assessment = Assessment.objects.create(
            organisation=organisation,
            created_by=user,
            title="Example: planning 2027 hires",
            answers=normalised(demo_answers(organisation.headcount)),
            path_descriptions=[description for _, description, _ in DEMO_PATHS],
            furthest_step=5,
        )
        assessment_finish(assessment=assessment, expected_version=assessment.version)
