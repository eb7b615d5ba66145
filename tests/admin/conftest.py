"""Personas for the admin: a reviewer (staff who may view assessments, organisations and
the audit log), a superuser, and alice, an owner who is not staff."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from orgs.models import Membership
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

REVIEWER_PERMISSIONS = [
    "view_assessment",
    "view_organisation",
    "view_membership",
    "view_auditevent",
]


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Northwind", slug="northwind", headcount=120)


@pytest.fixture
def owner(organisation):
    return MembershipFactory(
        organisation=organisation, role=Membership.Role.OWNER, user__email="alice@example.com"
    ).user


@pytest.fixture
def reviewer(db):
    user = UserFactory(email="rita@example.com", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=REVIEWER_PERMISSIONS))
    return user


@pytest.fixture
def superuser(db):
    return UserFactory(email="root@example.com", is_staff=True, is_superuser=True)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def reviewer_client(reviewer):
    return client_for(reviewer)


@pytest.fixture
def superuser_client(superuser):
    return client_for(superuser)


@pytest.fixture
def owner_client(owner):
    return client_for(owner)
