"""The world the security tests request every URL in: organisation A (Northwind) with its
owner, editor and viewer, a draft, two finished assessments, an open invitation and a
share link; organisation B's owner; a staff user who belongs to neither; a visitor."""

from __future__ import annotations

import pytest
from django.test import Client

from orgs.models import Membership
from orgs.services import invitation_create
from tests.factories import (
    AssessmentFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
    complete_assessment,
)
from tests.security.url_catalogue import World
from wizard.report.share_links import share_link_create


@pytest.fixture
def world(db) -> World:
    org_a = OrganisationFactory(name="Northwind", slug="northwind", headcount=60)
    members = {
        role: MembershipFactory(organisation=org_a, role=role, user__email=f"{role}@example.com")
        for role in (Membership.Role.OWNER, Membership.Role.EDITOR, Membership.Role.VIEWER)
    }
    users = {
        "owner": members["owner"].user,
        "editor": members["editor"].user,
        "viewer": members["viewer"].user,
        "other_owner": MembershipFactory(
            role=Membership.Role.OWNER, user__email="charlie@example.com"
        ).user,
        "staff": UserFactory(email="sam@example.com", is_staff=True, is_superuser=True),
    }
    clients = {"anonymous": Client()}
    for persona, user in users.items():
        clients[persona] = Client()
        clients[persona].force_login(user)

    owner = users["owner"]
    draft = AssessmentFactory(organisation=org_a, created_by=owner)
    earlier = complete_assessment(org_a)
    complete = complete_assessment(org_a)
    invitation = invitation_create(
        organisation=org_a, role=Membership.Role.VIEWER, created_by=owner, link_for=str
    )
    share_link, share_token = share_link_create(assessment=complete, user=owner, expires_in_days=30)
    return World(
        clients=clients,
        values={
            # Filled by keyword name unless a row of the table says otherwise.
            "code": complete.code,
            "slug": org_a.slug,
            "pk": members["editor"].pk,
            "token": invitation.link,
            "link_id": share_link.pk,
            # Named for the rows that need them.
            "draft_code": draft.code,
            "earlier_code": earlier.code,
            "invitation_pk": invitation.invitation.pk,
            "share_token": share_token,
        },
    )
