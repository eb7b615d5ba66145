"""Read-only share links to a report: made, looked up, counted and revoked.

A link carries `secrets.token_urlsafe(32)` (256 bits); the database keeps only its SHA-256,
so a leaked backup reveals no working link. Unknown, revoked and expired tokens are
indistinguishable to the visitor: all of them are simply not found.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from accounts.models import User
from audit.models import Action
from audit.services import audit_record
from orgs.link_tokens import new_token, token_hash
from wizard.models import Assessment, ShareLink

EXPIRY_CHOICES_DAYS = (7, 30, 90, None)  # None: never expires


def _record(
    action: Action, link: ShareLink, request: HttpRequest | None, actor: User | None = None
) -> None:
    audit_record(
        action=action,
        actor=actor,
        organisation=link.assessment.organisation,
        target=str(link.assessment.code),
        details={
            "share_link": link.pk,
            "expires": link.expires.isoformat() if link.expires else None,
        },
        request=request,
    )


def share_link_create(
    *,
    assessment: Assessment,
    user: User,
    expires_in_days: int | None,
    request: HttpRequest | None = None,
) -> tuple[ShareLink, str]:
    """A new link and its token; the token is never stored and cannot be shown again."""
    if expires_in_days not in EXPIRY_CHOICES_DAYS:
        raise ValueError(f"expiry must be one of {EXPIRY_CHOICES_DAYS}")
    token = new_token()
    expires = timezone.now() + timedelta(days=expires_in_days) if expires_in_days else None
    link = ShareLink.objects.create(
        assessment=assessment, token_hash=token_hash(token), created_by=user, expires=expires
    )
    _record(Action.SHARE_LINK_CREATED, link, request, actor=user)
    return link, token


def share_link_revoke(*, link: ShareLink, actor: User, request: HttpRequest | None = None) -> None:
    if ShareLink.objects.filter(pk=link.pk, revoked__isnull=True).update(revoked=timezone.now()):
        link.refresh_from_db(fields=["revoked"])
        _record(Action.SHARE_LINK_REVOKED, link, request, actor=actor)


def share_link_find(*, token: str) -> ShareLink | None:
    """The live link for `token`; None for anything else (unknown, revoked, expired)."""
    if not token or len(token) > 100:
        return None
    link = (
        ShareLink.objects.select_related("assessment", "assessment__organisation")
        .filter(
            token_hash=token_hash(token),
            revoked__isnull=True,
            assessment__status=Assessment.Status.COMPLETE,
        )
        .first()
    )
    if link is None or not link.is_live(timezone.now()):
        return None
    return link


def share_link_viewed(*, link: ShareLink, request: HttpRequest | None = None) -> None:
    """Count a view of `link` and put it in the audit log, in one transaction (the
    caller's, if it has one: no savepoint, as nothing here is retried on its own)."""
    with transaction.atomic(savepoint=False):
        ShareLink.objects.filter(pk=link.pk).update(
            views=F("views") + 1, last_viewed=timezone.now()
        )
        _record(Action.SHARE_LINK_VIEWED, link, request)
