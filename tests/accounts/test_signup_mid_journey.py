"""Signing up part-way through a guest's assessment: back to the step, nothing asked twice."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from orgs.models import Organisation
from tests.factories import PASSWORD
from wizard.models import Assessment
from wizard.steps import STEPS, step_url

pytestmark = pytest.mark.django_db


def confirm_path(body: str) -> str:
    return re.search(r"http://testserver(/accounts/confirm/[^/\s]+/)", body).group(1)


@pytest.fixture
def draft(client) -> Assessment:
    """A guest's draft whose answers already give a headcount of 12,000."""
    client.post(reverse("start"))
    draft = Assessment.objects.get(organisation__isnull=True)
    Assessment.objects.filter(pk=draft.pk).update(
        answers={**draft.answers, "organisation": {"headcount": 12000}}
    )
    return draft


def test_the_header_sign_up_link_comes_back_to_the_step(client, draft):
    """On a step, the header's Sign up and Sign in links carry that step as `next`."""
    url = step_url(draft, STEPS[0])
    html = client.get(url).content.decode()
    assert f'href="{reverse("signup")}?next={url}"' in html
    assert f'href="{reverse("login")}?next={url}"' in html


def test_sign_up_does_not_ask_again_for_the_drafts_headcount_and_says_the_draft_is_kept(
    client, draft
):
    """The form leaves out the headcount the draft gives and says the draft is kept."""
    page = client.get(reverse("signup"), {"next": step_url(draft, STEPS[0])})
    form = page.context["form"]
    assert "headcount" not in form.fields
    assert "organisation_name" in form.fields
    html = page.content.decode()
    assert "Your draft is kept" in html
    assert "headcount of 12,000 people" in html


def test_a_guest_without_a_draft_is_asked_for_the_headcount(client):
    """No draft, nothing to keep: the headcount is asked and no draft is mentioned."""
    page = client.get(reverse("signup"))
    assert "headcount" in page.context["form"].fields
    assert "Your draft is kept" not in page.content.decode()


def test_the_draft_goes_into_the_new_organisation_and_confirming_returns_to_the_step(client, draft):
    """The organisation takes the draft's headcount; the confirmation link, even opened in
    another browser, signs in, moves the draft into it and lands back on the step."""
    url = step_url(draft, STEPS[0])
    response = client.post(
        reverse("signup"),
        {
            "email": "new@example.com",
            "password": PASSWORD,
            "organisation_name": "Acme",
            "next": url,
        },
    )
    assert response.url == reverse("signup-sent")
    assert f'href="{url}"' in client.get(response.url).content.decode()
    organisation = Organisation.objects.get(name="Acme")
    assert organisation.headcount == 12000
    other_browser = Client()
    landed = other_browser.post(confirm_path(mail.outbox[0].body))
    assert landed.url == url
    draft.refresh_from_db()
    assert draft.organisation == organisation
    assert other_browser.get(url).status_code == 200
