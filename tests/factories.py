"""factory_boy factories shared by the test suite."""

from __future__ import annotations

from typing import Any

import factory
from factory.django import DjangoModelFactory

from accounts.models import User
from orgs.models import Membership, Organisation

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
