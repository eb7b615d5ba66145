"""The admin's tests use the personas of tests/conftest.py (staff is a superuser), and a
reviewer: staff who may only view assessments, organisations and the audit log."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission

from tests.conftest import client_for
from tests.factories import UserFactory

REVIEWER_PERMISSIONS = [
    "view_assessment",
    "view_organisation",
    "view_membership",
    "view_auditevent",
]


@pytest.fixture
def reviewer(db):
    user = UserFactory(email="rita@example.com", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=REVIEWER_PERMISSIONS))
    return user


@pytest.fixture
def reviewer_client(reviewer):
    return client_for(reviewer)
