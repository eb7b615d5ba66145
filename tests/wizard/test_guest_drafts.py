"""A guest's draft follows them into their organisation when they sign up or sign in."""

from __future__ import annotations

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from orgs.models import Organisation
from tests.factories import PASSWORD, AssessmentFactory
from tests.wizard.helpers import maturity_data, post_step, step_url
from wizard.models import Assessment

pytestmark = pytest.mark.django_db


def _guest_draft(client) -> Assessment:
    client.post(reverse("start"))
    draft = Assessment.objects.get(organisation__isnull=True)
    post_step(client, draft, "maturity", maturity_data(working_pilots="4"))
    return draft


def test_signing_up_moves_the_draft_into_the_new_organisation(client):
    """Nothing is lost: the answers are there, in the organisation, under the new owner."""
    draft = _guest_draft(client)
    response = client.post(
        reverse("signup") + f"?next={step_url(draft, 'paths')}",
        {
            "email": "new@example.com",
            "password": "a-long-unusual-passphrase",
            "organisation_name": "Acme",
            "headcount": "45",
        },
    )
    assert response.status_code == 302
    # The draft moves when the address is confirmed, which also signs in.
    link = re.search(r"http://testserver(/accounts/confirm/\S+/)", mail.outbox[-1].body)
    assert client.post(link.group(1)).url == step_url(draft, "paths")
    draft.refresh_from_db()
    assert draft.organisation == Organisation.objects.get(name="Acme")
    assert draft.created_by.email == "new@example.com"
    assert draft.answers["maturity"]["working_pilots"] == 4
    assert draft.answers["organisation"]["headcount"] == 45
    assert client.get(step_url(draft, "paths")).status_code == 200


def test_signing_in_moves_the_draft_into_the_users_organisation(client, owner, organisation):
    """An existing user who started as a guest finds the draft in their organisation."""
    draft = _guest_draft(client)
    response = client.post(reverse("login"), {"username": owner.email, "password": PASSWORD})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.organisation == organisation
    assert client.get(step_url(draft, "maturity")).status_code == 200


def test_a_viewer_keeps_the_draft_in_their_session(client, viewer):
    """Someone who can only read an organisation has nowhere to put a draft: it stays theirs."""
    draft = _guest_draft(client)
    client.post(reverse("login"), {"username": viewer.email, "password": PASSWORD})
    draft.refresh_from_db()
    assert draft.organisation is None
    assert client.get(step_url(draft, "maturity")).status_code == 200


def test_old_guest_drafts_are_purged_and_others_kept(organisation):
    """Guest drafts untouched for 30 days go; recent ones and organisations' drafts stay."""
    old = AssessmentFactory(organisation=None)
    recent = AssessmentFactory(organisation=None)
    kept = AssessmentFactory(organisation=organisation)
    Assessment.objects.filter(pk__in=[old.pk, kept.pk]).update(
        updated=timezone.now() - timedelta(days=31)
    )
    out = StringIO()
    call_command("purge_guest_drafts", stdout=out)
    assert "Deleted 1 guest draft." in out.getvalue()
    assert set(Assessment.objects.values_list("pk", flat=True)) == {recent.pk, kept.pk}


def test_a_guest_copying_their_draft_gets_a_second_draft_of_their_own(client):
    """The copy is a guest draft in the same session, with the same answers; no one else
    can open it."""
    draft = _guest_draft(client)
    response = client.post(reverse("assessment-copy", args=[draft.code]))
    copy = Assessment.objects.exclude(pk=draft.pk).get()
    assert response.status_code == 302
    assert response["Location"] == step_url(copy, "maturity")
    assert copy.organisation is None and copy.created_by is None
    assert copy.copied_from == draft
    assert copy.answers["maturity"]["working_pilots"] == 4
    assert client.get(step_url(copy, "maturity")).status_code == 200
    assert client.get(step_url(draft, "maturity")).status_code == 200
    assert Client().get(step_url(copy, "maturity")).status_code == 404
