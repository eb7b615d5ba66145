"""The world the security tests request every URL in: the personas of tests/conftest.py
(organisation A is Northwind with its owner, editor and viewer; the outsider owns
organisation B; staff belongs to neither), a draft, two finished assessments, an open
invitation and a share link of Northwind's, and a visitor."""

from __future__ import annotations

import pytest
from django.test import Client

from orgs.models import Membership
from orgs.services import invitation_create
from tests.factories import AssessmentFactory, complete_assessment
from tests.security.url_catalogue import World
from voices.rounds import round_start
from wizard.report.share_links import share_link_create


@pytest.fixture
def world(organisation, owner, editor, viewer, outsider, staff) -> World:
    org_a = organisation
    users = {
        "owner": owner,
        "editor": editor,
        "viewer": viewer,
        "other_owner": outsider,
        "staff": staff,
    }
    clients = {"anonymous": Client()}
    for persona, user in users.items():
        clients[persona] = Client()
        clients[persona].force_login(user)

    draft = AssessmentFactory(organisation=org_a, created_by=owner)
    earlier = complete_assessment(org_a)
    complete = complete_assessment(org_a)
    invitation = invitation_create(
        organisation=org_a, role=Membership.Role.VIEWER, created_by=owner, link_for=str
    )
    share_link, share_token = share_link_create(assessment=complete, user=owner, expires_in_days=30)
    # A round of answers open on the draft, the editor asked (voices/).
    round_ = round_start(
        assessment=draft,
        organiser=owner,
        members=[editor],
        link_for=str,
        invitation_link_for=str,
    )
    return World(
        clients=clients,
        values={
            # Filled by keyword name unless a row of the table says otherwise.
            "code": complete.code,
            "slug": org_a.slug,
            "pk": Membership.objects.get(user=editor).pk,
            "token": invitation.link,
            "link_id": share_link.pk,
            # Named for the rows that need them.
            "draft_code": draft.code,
            "earlier_code": earlier.code,
            "invitation_pk": invitation.invitation.pk,
            "share_token": share_token,
            "respondent_code": round_.respondents.get(user=editor).code,
        },
    )
