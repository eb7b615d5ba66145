"""Links that confirm an email address: signed, expiring, and good for one use.

The link carries the account, the address it confirms, where to go afterwards and the
guest drafts to take along. It is signed with SECRET_KEY (nothing is stored), so it cannot
be made up or changed; it stops working once the address is confirmed, or when the
account's address changes, and after CONFIRMATION_MAX_AGE.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from django.core import signing

from accounts.models import User

CONFIRMATION_MAX_AGE = timedelta(days=3)
_SALT = "accounts.email-confirmation"


@dataclass(frozen=True)
class Confirmation:
    user: User
    next_url: str
    draft_codes: list[str]


def confirmation_token(user: User, *, next_url: str = "", draft_codes: Sequence[str] = ()) -> str:
    """A token that confirms `user`'s current address, then leads to `next_url`."""
    payload = {"u": user.pk, "e": user.email, "n": next_url, "d": list(draft_codes)}
    return signing.dumps(payload, salt=_SALT, compress=True)


def confirmation_for(token: str) -> Confirmation | None:
    """What a token confirms, or None if it is forged, expired or already used."""
    try:
        payload = signing.loads(token, salt=_SALT, max_age=CONFIRMATION_MAX_AGE)
        user = User.objects.filter(
            pk=payload["u"], email=payload["e"], email_confirmed_at__isnull=True, is_active=True
        ).first()
        next_url, codes = str(payload.get("n", "")), [str(code) for code in payload.get("d", [])]
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    if user is None:
        return None
    return Confirmation(user=user, next_url=next_url, draft_codes=codes)
