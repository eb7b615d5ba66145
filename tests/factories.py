"""factory_boy factories shared by the test suite."""

from __future__ import annotations

from typing import Any

import factory
from factory.django import DjangoModelFactory

from accounts.models import User
from orgs.models import Membership, Organisation
from wizard.answers_draft import blank_answers, normalised
from wizard.models import Assessment
from wizard.services import assessment_finish

PASSWORD = "correct horse battery staple"


class UserFactory(DjangoModelFactory):
    """A person who can sign in with PASSWORD."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @classmethod
    def _after_postgeneration(cls, instance: User, create: bool, results: Any = None) -> None:
        # set_password only changes the instance; keep the hash it made.
        if create:
            instance.save(update_fields=["password"])


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Example Company {n}")
    slug = factory.Sequence(lambda n: f"example-company-{n}")
    headcount = 120
    currency = "GBP"


class MembershipFactory(DjangoModelFactory):
    """An editor by default; pass role=Membership.Role.OWNER or VIEWER for the others."""

    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.EDITOR


EXAMPLE_ANSWERS: dict[str, Any] = {
    "organisation": {"headcount": 120},
    "maturity": {"working_pilots": 2, "systems_in_production": 1},
    "critical_paths": [
        {
            "name": "Churn prediction",
            "kind": "predictive",
            "annual_impact": 250000,
            "labelled_examples": 50000,
            "months_to_build": 4,
        },
        {"name": "Support replies", "kind": "generative"},
    ],
}


class AssessmentFactory(DjangoModelFactory):
    """A draft at step 1 of an organisation, with no answers beyond the headcount."""

    class Meta:
        model = Assessment

    organisation = factory.SubFactory(OrganisationFactory)
    answers = factory.LazyAttribute(
        lambda o: blank_answers(o.organisation.headcount if o.organisation else None)
    )


def complete_assessment(
    organisation: Organisation, answers: dict[str, Any] | None = None
) -> Assessment:
    """An assessment of `organisation` taken through every step and finished."""
    assessment = Assessment.objects.create(
        organisation=organisation,
        answers=normalised(answers or EXAMPLE_ANSWERS),
        path_descriptions=["Who is about to leave", "Replies to common questions"],
        furthest_step=5,
    )
    return assessment_finish(assessment=assessment, expected_version=assessment.version)
