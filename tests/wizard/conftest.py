"""The wizard's tests use the personas of tests/conftest.py, and a draft of Northwind's."""

from __future__ import annotations

import pytest

from tests.factories import AssessmentFactory


@pytest.fixture
def draft(organisation, owner):
    return AssessmentFactory(organisation=organisation, created_by=owner)
