from __future__ import annotations

from tests.wizard.conftest import (  # noqa: F401 - pytest fixtures, re-exported
    organisation,
    owner,
    owner_client,
)
