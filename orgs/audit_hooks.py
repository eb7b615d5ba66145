"""Where membership changes meet the audit log, without depending on it.

The `audit` app is optional for this app: when it is installed, events go to
`audit.services.audit_record`; when it is not, recording does nothing.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.http import HttpRequest

from orgs.models import Organisation


def record(
    *,
    action: str,
    actor: Any = None,
    organisation: Organisation | None = None,
    target: str = "",
    details: dict[str, Any] | None = None,
    request: HttpRequest | None = None,
) -> None:
    """Add an event to the audit log if there is one. Never pass tokens or passwords."""
    if not apps.is_installed("audit"):
        return
    from audit.services import audit_record  # imported late: the app may not exist

    audit_record(
        action=action,
        actor=actor,
        organisation=organisation,
        target=target,
        details=details,
        request=request,
    )
