"""Rounds of answers: asking, answering alone, reminding, closing, reconciling, taking."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from audit.models import Action, AuditEvent
from orgs.models import Invitation, Membership
from tests.voices.conftest import answer_all, respondent_of
from voices.models import Round
from voices.rounds import RoundRefused, round_close

pytestmark = pytest.mark.django_db

CHURN = {
    "name": "Churn prediction",
    "annual_impact": "250000",
    "labelled_examples": "50000",
    "months_to_build": "4",
}


def test_the_organiser_asks_members_and_an_address_and_everyone_is_emailed(
    owner_client, draft, editor, viewer, django_capture_on_commit_callbacks
):
    """Members get a link to their answers; an outside address an invitation as respondent."""
    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post(
            reverse("round", args=[draft.code]),
            {"members": [str(editor.pk), str(viewer.pk)], "emails": "finance@example.com"},
        )
    assert response.status_code == 302
    round_ = Round.objects.get(assessment=draft)
    assert sorted(r.email for r in round_.respondents.all()) == [
        "bob@example.com",
        "finance@example.com",
        "vera@example.com",
    ]
    invitation = Invitation.objects.get(email="finance@example.com")
    assert invitation.role == Membership.Role.RESPONDENT
    assert sorted(m.to[0] for m in mail.outbox) == [
        "bob@example.com",
        "finance@example.com",
        "vera@example.com",
    ]
    assert AuditEvent.objects.filter(action=Action.ROUND_STARTED, target=str(draft.code)).exists()


def test_a_bad_address_is_refused_by_the_field(owner_client, draft):
    response = owner_client.post(reverse("round", args=[draft.code]), {"emails": "not-an-address"})
    assert response.status_code == 422
    assert "These are not email addresses: not-an-address" in response.content.decode()
    assert not Round.objects.exists()


def test_asking_nobody_is_refused(owner_client, draft):
    response = owner_client.post(reverse("round", args=[draft.code]), {})
    assert response.status_code == 422
    assert "Choose at least one member or give an address." in response.content.decode()


def test_a_respondent_answers_alone_and_their_answers_stay_apart(
    open_round, draft, editor, editor_client
):
    """Bob's answers go into his own record; the organiser's draft is untouched."""
    bob = respondent_of(open_round, editor)
    before = dict(draft.answers)
    answer_all(editor_client, bob, pilots="3", paths=[CHURN])
    bob.refresh_from_db()
    assert bob.submitted is not None
    assert bob.answers["maturity"]["working_pilots"] == 3
    assert bob.answers["critical_paths"][0]["labelled_examples"] == 50000
    draft.refresh_from_db()
    assert draft.answers == before


def test_respondents_cannot_see_each_others_answers(open_round, editor, viewer, viewer_client):
    """Vera gets 404 for Bob's answer pages, whatever the step."""
    bob = respondent_of(open_round, editor)
    for url in (f"/v/{bob.code}/", f"/v/{bob.code}/maturity/", f"/v/{bob.code}/roi/"):
        assert viewer_client.get(url).status_code == 404
    assert viewer_client.post(f"/v/{bob.code}/maturity/autosave/", {}).status_code == 404


def test_a_stale_save_from_another_tab_shows_the_conflict(open_round, editor, editor_client):
    """Two tabs: the second save of different answers is refused with both values shown."""
    from tests.wizard.helpers import maturity_data

    bob = respondent_of(open_round, editor)
    url = f"/v/{bob.code}/maturity/autosave/"
    first = editor_client.post(url, {"version": "1", **maturity_data(working_pilots="2")})
    assert first.status_code == 200
    second = editor_client.post(url, {"version": "1", **maturity_data(working_pilots="7")})
    assert second.status_code == 409
    bob.refresh_from_db()
    assert bob.answers["maturity"]["working_pilots"] == 2


def test_reminding_emails_only_those_who_have_not_submitted(
    open_round, draft, owner_client, editor, editor_client
):
    answer_all(editor_client, respondent_of(open_round, editor), pilots="1", paths=[CHURN])
    mail.outbox.clear()
    response = owner_client.post(reverse("round-remind", args=[draft.code]))
    assert response.status_code == 302
    assert [m.to[0] for m in mail.outbox] == ["vera@example.com"]
    assert "Reminder" in mail.outbox[0].subject


def test_a_round_closes_only_with_some_answers_in(open_round, owner):
    with pytest.raises(RoundRefused):
        round_close(round_=open_round, actor=owner)


def test_close_reconcile_and_take_the_consensus_into_the_draft(
    open_round, draft, owner_client, editor, editor_client, viewer, viewer_client
):
    """Bob and Vera disagree on labelled examples; the organiser picks Bob's and takes it."""
    answer_all(editor_client, respondent_of(open_round, editor), pilots="2", paths=[CHURN])
    answer_all(
        viewer_client,
        respondent_of(open_round, viewer),
        pilots="2",
        paths=[{**CHURN, "name": "churn prediction", "labelled_examples": "5000"}],
    )
    assert owner_client.post(reverse("round-close", args=[draft.code])).status_code == 302
    page = owner_client.get(reverse("round-consensus", args=[draft.code]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "would give a different team" in html
    assert "The answer that makes the difference" in html
    rows = page.context["page"].rows
    examples = next(r for r in rows if r.field.field == "labelled_examples")
    assert examples.field.disagreement
    response = owner_client.post(
        reverse("round-consensus", args=[draft.code]),
        {"action": "take", "include-0": "on", f"pick-{examples.index}": "50000"},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.answers["critical_paths"][0]["labelled_examples"] == 50000
    assert draft.answers["maturity"]["working_pilots"] == 2
    assert draft.furthest_step >= 3
    assert AuditEvent.objects.filter(action=Action.ROUND_RECONCILED).exists()


def test_viewers_cannot_run_a_round(draft, viewer_client):
    assert viewer_client.get(reverse("round", args=[draft.code])).status_code == 403
