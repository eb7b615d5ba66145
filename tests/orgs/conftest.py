"""The wizard's personas (owner, editor and viewer of Northwind, an outsider who owns
another organisation), shared here so the members tests speak the same language."""

from __future__ import annotations

from tests.wizard.conftest import (  # noqa: F401 - pytest fixtures, re-exported
    editor,
    editor_client,
    organisation,
    outsider,
    outsider_client,
    owner,
    owner_client,
    viewer,
    viewer_client,
)
