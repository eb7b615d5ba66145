"""Notes and evidence on answers, and what the report and exports say about a round."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.urls import reverse

from tests.voices.conftest import answer_all, respondent_of
from tests.wizard.helpers import hiring_data, post_step, roi_data
from voices.models import Round

pytestmark = pytest.mark.django_db

CHURN = {
    "name": "Churn prediction",
    "annual_impact": "250000",
    "labelled_examples": "50000",
    "months_to_build": "4",
}


def _note(client, respondent, answer: str, note: str, link: str = ""):
    return client.post(
        reverse("respond-notes", args=[respondent.code]),
        {"answer": answer, "note": note, "link": link},
    )


def test_a_respondent_notes_an_answer_with_a_link(open_round, editor, editor_client):
    bob = respondent_of(open_round, editor)
    answer_all(editor_client, bob, pilots="2", paths=[CHURN])
    response = _note(
        editor_client,
        bob,
        "churn prediction|labelled_examples",
        "Counted in the CRM export.",
        "https://example.com/crm",
    )
    assert response.status_code == 302
    bob.refresh_from_db()
    assert bob.notes == {
        "churn prediction|labelled_examples": {
            "note": "Counted in the CRM export.",
            "link": "https://example.com/crm",
        }
    }


def test_a_bad_link_and_an_unknown_answer_are_refused_by_their_fields(
    open_round, editor, editor_client
):
    bob = respondent_of(open_round, editor)
    response = _note(editor_client, bob, "nowhere|nothing", "x" * 300, "not a link")
    assert response.status_code == 422
    errors = response.context["form"].errors
    assert set(errors) == {"answer", "note", "link"}


def _finished_round(open_round, draft, owner_client, editor, editor_client, viewer, viewer_client):
    """Bob and Vera answer (Vera with too few examples), notes added, the organiser takes
    the consensus and finishes steps 3 and 4."""
    bob, vera = respondent_of(open_round, editor), respondent_of(open_round, viewer)
    answer_all(editor_client, bob, pilots="2", paths=[CHURN])
    _note(
        editor_client,
        bob,
        "churn prediction|labelled_examples",
        "From the CRM.",
        "https://example.com/crm",
    )
    answer_all(viewer_client, vera, pilots="2", paths=[{**CHURN, "labelled_examples": "5000"}])
    owner_client.post(reverse("round-close", args=[draft.code]))
    owner_client.post(
        reverse("round-consensus", args=[draft.code]), {"action": "take", "include-0": "on"}
    )
    assert (
        post_step(
            owner_client, draft, "roi", roi_data(CHURN | {"labelled_examples": "5000"})
        ).status_code
        == 302
    )
    assert post_step(owner_client, draft, "hiring", hiring_data(headcount="150")).status_code == 302
    draft.refresh_from_db()
    assert draft.is_complete
    return draft


def test_the_report_says_who_answered_whether_it_matters_and_lists_the_notes(
    open_round, draft, owner_client, editor, editor_client, viewer, viewer_client
):
    finished = _finished_round(
        open_round, draft, owner_client, editor, editor_client, viewer, viewer_client
    )
    html = owner_client.get(reverse("report", args=[finished.code])).content.decode()
    assert "bob@example.com, vera@example.com" in html
    assert "would give a different team" in html
    assert "From the CRM." in html and "https://example.com/crm" in html
    # The exports carry the notes too.
    document = json.loads(owner_client.get(reverse("report-json", args=[finished.code])).content)
    assert document["round"]["notes"][0]["note"] == "From the CRM."
    assert [r["changes_plan"] for r in document["round"]["respondents"]] == [True, False]
    rows = list(
        csv.DictReader(
            io.StringIO(
                owner_client.get(reverse("report-csv", args=[finished.code])).content.decode()
            )
        )
    )
    assert "From the CRM." in rows[0]["notes"]


def test_the_organiser_can_hide_the_notes_from_the_report(
    open_round, draft, owner_client, editor, editor_client, viewer, viewer_client
):
    finished = _finished_round(
        open_round, draft, owner_client, editor, editor_client, viewer, viewer_client
    )
    Round.objects.filter(pk=open_round.pk).update(notes_hidden=True)
    html = owner_client.get(reverse("report", args=[finished.code])).content.decode()
    assert "From the CRM." not in html
    document = json.loads(owner_client.get(reverse("report-json", args=[finished.code])).content)
    assert document["round"]["notes"] == []
