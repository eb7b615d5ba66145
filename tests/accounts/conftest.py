from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _home_is_the_landing_page(settings: Any) -> None:
    """Sign-in lands on "dashboard", which another app provides; here "/" stands in."""
    settings.LOGIN_REDIRECT_URL = "/"
