"""The personas every test speaks of, defined once.

Northwind (the `organisation`) has alice the owner, bob the editor and vera the viewer;
charlie, the outsider, owns another organisation; sam is staff (a superuser who belongs to
no organisation). Each has a signed-in client: `owner_client` and so on.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.test import Client
from django.utils import timezone, translation

from accounts.models import User
from orgs.models import Membership, Organisation
from tests.factories import PASSWORD, MembershipFactory, OrganisationFactory, UserFactory


def client_for(user: User) -> Client:
    """A client signed in as `user` through the real sign-in (so django-axes sees it)."""
    client = Client()
    assert client.login(username=user.email, password=PASSWORD)
    return client


def _member(organisation: Organisation, role: str, email: str) -> User:
    return MembershipFactory(organisation=organisation, role=role, user__email=email).user


@pytest.fixture
def organisation(db: None) -> Organisation:
    return OrganisationFactory(name="Northwind", slug="northwind", headcount=60)


@pytest.fixture
def owner(organisation: Organisation) -> User:
    return _member(organisation, Membership.Role.OWNER, "alice@example.com")


@pytest.fixture
def editor(organisation: Organisation) -> User:
    return _member(organisation, Membership.Role.EDITOR, "bob@example.com")


@pytest.fixture
def viewer(organisation: Organisation) -> User:
    return _member(organisation, Membership.Role.VIEWER, "vera@example.com")


@pytest.fixture
def outsider(db: None) -> User:
    return MembershipFactory(role=Membership.Role.OWNER, user__email="charlie@example.com").user


@pytest.fixture
def staff(db: None) -> User:
    return UserFactory(email="sam@example.com", is_staff=True, is_superuser=True)


@pytest.fixture
def owner_client(owner: User) -> Client:
    return client_for(owner)


@pytest.fixture
def editor_client(editor: User) -> Client:
    return client_for(editor)


@pytest.fixture
def viewer_client(viewer: User) -> Client:
    return client_for(viewer)


@pytest.fixture
def outsider_client(outsider: User) -> Client:
    return client_for(outsider)


@pytest.fixture
def staff_client(staff: User) -> Client:
    return client_for(staff)


@pytest.fixture(autouse=True)
def _default_language_and_time_zone() -> Iterator[None]:
    """Each test starts in British English and the server's zone: a request in German
    (the client's LocaleMiddleware) or from Berlin would otherwise leave its language or
    zone active in the thread for the tests after it."""
    yield
    translation.deactivate()
    timezone.deactivate()
