"""Writing to the audit log.

Call `audit_record` from the service that does the thing, inside its transaction, so the
event is stored if and only if the change is::

    audit_record(action=Action.SHARE_LINK_REVOKED, request=request,
                 organisation=assessment.organisation, target=str(assessment.code),
                 details={"link": link.pk})

Pass `request` from views (it names the actor and gives the IP address), or `actor` where
there is no request (a management command, a background job). Never put secrets, tokens
or passwords in `details`: the log is readable by every staff member with access to it.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from accounts.models import User
from audit.models import Action, AuditEvent
from config.client_address import client_ip
from orgs.models import Organisation


def audit_record(
    *,
    action: Action,
    actor: User | None = None,
    organisation: Organisation | None = None,
    target: str = "",
    details: dict[str, Any] | None = None,
    request: HttpRequest | None = None,
) -> AuditEvent:
    """Add one event to the audit log and return it.

    `action` is a member of `audit.models.Action`: a plain string, even one that spells a
    known action, is a `TypeError`, so every write names its action through the enum and a
    typo fails at once. Without `actor`,
    the request's signed-in user is the actor; anonymous visitors are recorded with no
    actor. `details` must be JSON-serialisable.
    """
    if not isinstance(action, Action):
        raise TypeError(f"Audit action {action!r} is not an audit.models.Action member.")
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            actor = user
    return AuditEvent.objects.create(
        action=action,
        actor=actor,
        actor_email=actor.email if actor else "",
        organisation=organisation,
        target=target[:200],
        details=details or {},
        ip_address=client_ip(request) if request is not None else None,
    )
