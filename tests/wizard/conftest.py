"""Personas for the wizard's tests: owner, editor and viewer of one organisation, an
outsider who belongs to another, and a guest with a draft in their browser session."""

from __future__ import annotations

import pytest
from django.test import Client

from orgs.models import Membership
from tests.factories import PASSWORD, AssessmentFactory, MembershipFactory, OrganisationFactory


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Northwind", slug="northwind", headcount=60)


def _member(organisation, role, email):
    return MembershipFactory(organisation=organisation, role=role, user__email=email).user


@pytest.fixture
def owner(organisation):
    return _member(organisation, Membership.Role.OWNER, "alice@example.com")


@pytest.fixture
def editor(organisation):
    return _member(organisation, Membership.Role.EDITOR, "bob@example.com")


@pytest.fixture
def viewer(organisation):
    return _member(organisation, Membership.Role.VIEWER, "vera@example.com")


@pytest.fixture
def outsider(db):
    return MembershipFactory(role=Membership.Role.OWNER, user__email="charlie@example.com").user


def client_for(user) -> Client:
    client = Client()
    assert client.login(username=user.email, password=PASSWORD)
    return client


@pytest.fixture
def owner_client(owner):
    return client_for(owner)


@pytest.fixture
def editor_client(editor):
    return client_for(editor)


@pytest.fixture
def viewer_client(viewer):
    return client_for(viewer)


@pytest.fixture
def outsider_client(outsider):
    return client_for(outsider)


@pytest.fixture
def draft(organisation, owner):
    return AssessmentFactory(organisation=organisation, created_by=owner)
