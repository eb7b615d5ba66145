from __future__ import annotations

from typing import Any

import pytest

from accounts.models import User
from orgs.models import Membership
from tests.factories import MembershipFactory


@pytest.fixture(autouse=True)
def _home_is_the_landing_page(settings: Any) -> None:
    """Sign-in lands on "dashboard", which another app provides; here "/" stands in."""
    settings.LOGIN_REDIRECT_URL = "/"


@pytest.fixture
def owner(db: None) -> User:
    """Alice, who owns her organisation and signs in with tests.factories.PASSWORD."""
    return MembershipFactory(user__email="alice@example.com", role=Membership.Role.OWNER).user
