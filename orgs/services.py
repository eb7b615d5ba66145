"""Writes to organisations and their memberships."""

from __future__ import annotations

from django.db import transaction
from django.utils.text import slugify

from accounts.models import User
from orgs.models import Membership, Organisation


def _unique_slug(name: str) -> str:
    base = slugify(name)[:120] or "organisation"
    slug, n = base, 1
    while Organisation.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def organisation_create(
    *, name: str, headcount: int, owner: User, currency: str = "GBP"
) -> Organisation:
    """Create an organisation with `owner` as its first owner."""
    organisation = Organisation.objects.create(
        name=name, slug=_unique_slug(name), headcount=headcount, currency=currency
    )
    Membership.objects.create(user=owner, organisation=organisation, role=Membership.Role.OWNER)
    return organisation
