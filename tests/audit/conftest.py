from __future__ import annotations

import pytest

from tests.factories import OrganisationFactory, UserFactory


@pytest.fixture
def alice(db):
    return UserFactory(email="alice@example.com")


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Northwind", slug="northwind")
