"""Who may see and change an assessment: decided in wizard/access.py, checked here."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import complete_assessment
from tests.wizard.helpers import maturity_data, post_step, step_url
from wizard.models import Assessment

pytestmark = pytest.mark.django_db


@pytest.fixture
def complete(organisation, owner):
    return complete_assessment(organisation)


@pytest.mark.parametrize("persona", ["owner_client", "editor_client", "viewer_client"])
def test_members_can_read_a_step(request, persona, draft):
    """Every member sees the organisation's drafts."""
    client = request.getfixturevalue(persona)
    assert client.get(step_url(draft, "maturity")).status_code == 200


@pytest.mark.parametrize("persona", ["outsider_client", "client"])
def test_it_checks_ownership(request, persona, draft, complete):
    """Outsiders and anonymous visitors get 404 for steps, autosave and reports."""
    client = request.getfixturevalue(persona)
    assert client.get(step_url(draft, "maturity")).status_code == 404
    assert post_step(client, draft, "maturity", maturity_data()).status_code == 404
    assert post_step(client, draft, "maturity", maturity_data(), autosave=True).status_code == 404
    assert client.get(reverse("report", args=[complete.code])).status_code == 404
    assert client.post(reverse("assessment-copy", args=[complete.code])).status_code == 404
    assert client.post(reverse("assessment-delete", args=[complete.code])).status_code == 404
    assert Assessment.objects.count() == 2


def test_viewers_cannot_write(viewer_client, draft, complete):
    """A viewer reads but gets 403 on every write, and nothing changes."""
    version = draft.version
    assert (
        post_step(viewer_client, draft, "maturity", maturity_data(working_pilots="3")).status_code
        == 403
    )
    assert (
        post_step(viewer_client, draft, "maturity", maturity_data(), autosave=True).status_code
        == 403
    )
    assert viewer_client.post(reverse("assessment-copy", args=[complete.code])).status_code == 403
    assert viewer_client.post(reverse("assessment-delete", args=[complete.code])).status_code == 403
    draft.refresh_from_db()
    assert draft.version == version


def test_editors_cannot_delete(editor_client, complete):
    """Deleting is the owner's decision."""
    assert editor_client.post(reverse("assessment-delete", args=[complete.code])).status_code == 403
    assert Assessment.objects.filter(pk=complete.pk).exists()


def test_owners_delete_after_confirming(owner_client, complete, organisation):
    """The owner is asked first (GET), and the POST deletes."""
    url = reverse("assessment-delete", args=[complete.code])
    assert "Delete this assessment?" in owner_client.get(url).content.decode()
    response = owner_client.post(url)
    assert response["Location"] == reverse("organisation", args=[organisation.slug])
    assert not Assessment.objects.filter(pk=complete.pk).exists()


def test_a_guest_draft_belongs_to_its_browser_session(client):
    """Another browser cannot open a guest's draft, even knowing its address."""
    client.post(reverse("start"))
    draft = Assessment.objects.get()
    assert client.get(step_url(draft, "maturity")).status_code == 200
    assert Client().get(step_url(draft, "maturity")).status_code == 404


def test_an_unknown_code_or_step_is_404(owner_client, draft):
    """Made-up codes and step names are simply not found."""
    assert owner_client.get("/a/00000000-0000-0000-0000-000000000000/maturity/").status_code == 404
    assert (
        owner_client.get(step_url(draft, "maturity").replace("maturity", "salary")).status_code
        == 404
    )


@pytest.mark.parametrize("named", ["nowhere", "north wind", "north\x00wind", "", "é" * 200])
def test_starting_in_an_organisation_that_is_not_yours_is_404(editor_client, outsider, named):
    """A posted organisation name that is not one of the editor's, or not a name at all, is
    not found, and nothing is started (a NUL byte once reached PostgreSQL and made a 500)."""
    response = editor_client.post(reverse("start"), {"organisation": named or outsider.email})
    assert response.status_code == 404
    assert not Assessment.objects.exists()


def test_editors_reassess_from_a_copy(editor_client, complete):
    """A copy starts a new draft with the same answers and every step reachable."""
    response = editor_client.post(reverse("assessment-copy", args=[complete.code]))
    copy = Assessment.objects.exclude(pk=complete.pk).get()
    assert response["Location"] == step_url(copy, "maturity")
    assert copy.answers == complete.answers and copy.copied_from == complete
    assert copy.furthest_step == 4 and not copy.is_complete


def test_completing_and_deleting_are_in_the_audit_log(owner_client, complete, owner):
    """The log says who finished an assessment and who deleted it."""
    from audit.models import AuditEvent

    owner_client.post(reverse("assessment-delete", args=[complete.code]))
    actions = list(AuditEvent.objects.values_list("action", "target"))
    assert ("assessment.completed", str(complete.code)) in actions
    assert ("assessment.deleted", str(complete.code)) in actions
