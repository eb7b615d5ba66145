"""htmx requests are CSRF-checked like any form post: the token travels in the
X-CSRFToken header that base.html puts on <body hx-headers>."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client
from django.urls import reverse

from orgs.models import Membership
from tests.factories import AssessmentFactory, MembershipFactory
from tests.wizard.helpers import maturity_data
from wizard.models import Assessment

pytestmark = pytest.mark.django_db

HX_HEADERS = re.compile(r"hx-headers='([^']+)'")


@pytest.fixture
def draft(db):
    membership = MembershipFactory(role=Membership.Role.EDITOR)
    return membership, AssessmentFactory(organisation=membership.organisation)


def strict_client(user=None) -> Client:
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    return client


def autosave(client: Client, assessment: Assessment, **headers: str):
    data = {"version": str(assessment.version), **maturity_data(working_pilots="2")}
    url = reverse("autosave", args=[assessment.code, "maturity"])
    return client.post(url, data, HTTP_HX_REQUEST="true", **headers)


def page_token(client: Client, assessment: Assessment) -> str:
    html = client.get(reverse("step", args=[assessment.code, "maturity"])).content.decode()
    return json.loads(HX_HEADERS.search(html).group(1))["X-CSRFToken"]


def test_an_htmx_autosave_without_the_token_is_refused(draft):
    """No X-CSRFToken header: 403, and the draft is untouched."""
    membership, assessment = draft
    client = strict_client(membership.user)
    page_token(client, assessment)  # the cookie is set, as in a real browser
    assert autosave(client, assessment).status_code == 403
    assessment.refresh_from_db()
    assert assessment.version == 1


def test_an_htmx_autosave_with_the_pages_token_is_saved(draft):
    """The token from the page's hx-headers, sent as htmx sends it, lets the save through."""
    membership, assessment = draft
    client = strict_client(membership.user)
    token = page_token(client, assessment)
    assert autosave(client, assessment, HTTP_X_CSRFTOKEN=token).status_code == 200
    assessment.refresh_from_db()
    assert assessment.version == 2
    assert assessment.answers["maturity"]["working_pilots"] == 2


def test_a_forged_token_is_refused(draft):
    """A token that does not match the cookie is as good as none."""
    membership, assessment = draft
    client = strict_client(membership.user)
    page_token(client, assessment)
    forged = "x" * 64
    assert autosave(client, assessment, HTTP_X_CSRFTOKEN=forged).status_code == 403


def test_guests_htmx_posts_are_checked_too(db):
    """A guest's draft is protected the same way."""
    client = strict_client()
    landing = client.get(reverse("landing")).content.decode()
    token = json.loads(HX_HEADERS.search(landing).group(1))["X-CSRFToken"]
    assert client.post(reverse("start")).status_code == 403
    client.post(reverse("start"), HTTP_X_CSRFTOKEN=token)
    guest_draft = Assessment.objects.get()
    assert autosave(client, guest_draft).status_code == 403
    assert autosave(client, guest_draft, HTTP_X_CSRFTOKEN=token).status_code == 200
