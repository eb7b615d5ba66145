"""The wizard's main journey, by plain form posts and by htmx."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.wizard.helpers import (
    HTMX,
    hiring_data,
    maturity_data,
    paths_data,
    post_step,
    roi_data,
    step_url,
)
from wizard.access import GUEST_DRAFTS_SESSION_KEY
from wizard.answers_draft import to_engine_answers
from wizard.models import Assessment
from wizard.rules import make_plan, plan_to_dict

pytestmark = pytest.mark.django_db


def _start_as_guest(client) -> Assessment:
    response = client.post(reverse("start"))
    assessment = Assessment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == step_url(assessment, "maturity")
    return assessment


def _walk(client, assessment, *, htmx: bool = False):
    steps = [
        ("maturity", maturity_data(working_pilots="2")),
        (
            "paths",
            paths_data(
                {"name": " Churn prediction ", "kind": "predictive"},
                {"name": "Support replies", "kind": "generative"},
            ),
        ),
        (
            "roi",
            roi_data(
                {"annual_impact": "250,000", "labelled_examples": "50000", "months_to_build": "4"},
                {},
            ),
        ),
        ("hiring", hiring_data(headcount="60", ship_quickly="on")),
    ]
    responses = []
    for slug, data in steps:
        responses.append(post_step(client, assessment, slug, data, htmx=htmx))
    return responses


def test_a_guest_completes_the_journey_by_plain_posts(client):
    """Without JavaScript each step posts and redirects, and finishing opens the report."""
    assessment = _start_as_guest(client)
    assert client.session[GUEST_DRAFTS_SESSION_KEY] == [str(assessment.code)]
    responses = _walk(client, assessment)
    assert [r.status_code for r in responses] == [302, 302, 302, 302]
    assert responses[0]["Location"] == step_url(assessment, "paths")
    assert responses[-1]["Location"] == reverse("report", args=[assessment.code])
    assessment.refresh_from_db()
    assert assessment.is_complete and assessment.organisation is None
    assert assessment.answers["critical_paths"][0]["name"] == "Churn prediction"
    assert assessment.plan == plan_to_dict(make_plan(to_engine_answers(assessment.answers)))
    assert assessment.rules_version == "2026.2"
    assert (assessment.maturity_level, assessment.stage) == (2, "growth")
    report = client.get(reverse("report", args=[assessment.code]))
    assert "Hire 3 AI engineers now" in report.content.decode()


def test_htmx_steps_swap_in_place_and_push_the_next_url(client):
    """With htmx a completed step answers with the next step's body and pushes its URL."""
    assessment = _start_as_guest(client)
    responses = _walk(client, assessment, htmx=True)
    first = responses[0]
    assert first.status_code == 200
    assert first["HX-Push-Url"] == step_url(assessment, "paths")
    assert "<html" not in first.content.decode()
    assert "Which processes are your critical paths?" in first.content.decode()
    assert responses[-1]["HX-Redirect"] == reverse("report", args=[assessment.code])


def test_a_step_ahead_of_the_furthest_reached_redirects_back(client):
    """Earlier steps come first: step 3 of a new draft sends the user to step 1."""
    assessment = _start_as_guest(client)
    response = client.get(step_url(assessment, "roi"))
    assert response.status_code == 302
    assert response["Location"] == step_url(assessment, "maturity")


def test_a_bad_value_is_shown_by_its_field_and_nothing_is_saved(client):
    """Months to build outside 1 to 36 is refused next to the field; the draft stays as it was."""
    other = _start_as_guest(client)
    post_step(client, other, "maturity", maturity_data())
    post_step(client, other, "paths", paths_data({"name": "A", "kind": "agentic"}))
    before = Assessment.objects.get(pk=other.pk).version
    response = post_step(client, other, "roi", roi_data({"months_to_build": "40"}))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_roi-0-months_to_build_error"' in html
    assert "Enter a number from 1 to 36." in html
    assert (
        'aria-describedby="id_roi-0-months_to_build_helptext id_roi-0-months_to_build_error"'
        in html
    )
    other.refresh_from_db()
    assert other.version == before and other.furthest_step == 3


def test_numbers_may_be_typed_with_thousands_separators(client):
    """250,000 and 250 000 mean 250000."""
    assessment = _start_as_guest(client)
    post_step(client, assessment, "maturity", maturity_data(working_pilots="1 000"))
    assessment.refresh_from_db()
    assert assessment.answers["maturity"]["working_pilots"] == 1000


def test_going_back_shows_the_saved_answers(client):
    """A step reached again is filled in with what was saved."""
    assessment = _start_as_guest(client)
    post_step(client, assessment, "maturity", maturity_data(working_pilots="7"))
    html = client.get(step_url(assessment, "maturity")).content.decode()
    assert 'value="7"' in html


def test_a_completed_assessment_opens_its_report_not_its_steps(client):
    """Once finished, the steps are closed: the report is the answer."""
    assessment = _start_as_guest(client)
    _walk(client, assessment)
    response = client.get(step_url(assessment, "maturity"))
    assert response["Location"] == reverse("report", args=[assessment.code])


def test_the_hiring_step_needs_a_headcount(client):
    """A guest must give the headcount before the plan can be made."""
    assessment = _start_as_guest(client)
    for slug, data in (("maturity", maturity_data()), ("paths", paths_data()), ("roi", roi_data())):
        post_step(client, assessment, slug, data)
    response = post_step(client, assessment, "hiring", hiring_data(headcount=""))
    assert response.status_code == 200
    assert "Enter a whole number from 1 to 10,000,000." in response.content.decode()


def test_htmx_history_restore_gets_the_whole_page(client):
    """Back and forward restore from the server, never from a stale copy in the browser."""
    assessment = _start_as_guest(client)
    response = client.get(
        step_url(assessment, "maturity"), **HTMX, HTTP_HX_HISTORY_RESTORE_REQUEST="true"
    )
    assert "<html" in response.content.decode()
