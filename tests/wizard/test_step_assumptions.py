"""Each assumption is asked where it is used: build costs on step 3, the team's cost and
the pace of hiring on step 4; defaults shown, bad values refused at their own field."""

from __future__ import annotations

import pytest

from tests.factories import AssessmentFactory
from tests.wizard.helpers import hiring_data, paths_data, post_step, roi_data, step_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(organisation, owner):
    """A draft that has reached the last step, so every step can be opened."""
    return AssessmentFactory(organisation=organisation, created_by=owner, furthest_step=4)


@pytest.fixture
def with_path(owner_client, draft):
    post_step(owner_client, draft, "paths", paths_data({"name": "Churn", "kind": "predictive"}))
    draft.refresh_from_db()
    return draft


def test_step_3_asks_the_ml_engineer_cost_and_horizon_with_their_defaults(owner_client, with_path):
    html = owner_client.get(step_url(with_path, "roi")).content.decode()
    assert 'name="roi-costs-ml_engineer_annual_cost" value="200,000"' in html
    assert 'name="roi-costs-horizon_years" value="3"' in html
    assert "Default: 200,000." in html


def test_step_3_saves_the_build_cost_assumptions(owner_client, with_path):
    data = {
        **roi_data({"annual_impact": "250000", "labelled_examples": "50000"}),
        "roi-costs-ml_engineer_annual_cost": "150000",
        "roi-costs-horizon_years": "4",
    }
    response = post_step(owner_client, with_path, "roi", data)
    assert response.status_code == 302
    with_path.refresh_from_db()
    assumptions = with_path.answers["assumptions"]
    assert (assumptions["ml_engineer_annual_cost"], assumptions["horizon_years"]) == (150_000, 4)
    assert assumptions["hires_per_quarter"] == 3  # step 4's answers are left alone


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("ml_engineer_annual_cost", "0", "greater than 0 and at most 1,000,000,000"),
        ("horizon_years", "11", "a number from 1 to 10"),
    ],
)
def test_a_bad_build_cost_assumption_is_refused_at_its_field(
    owner_client, with_path, field, value, message
):
    data = {**roi_data({}), f"roi-costs-{field}": value}
    response = post_step(owner_client, with_path, "roi", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_roi-costs-{field}_error"' in html and message in html
    assert f'href="#id_roi-costs-{field}"' in html  # the summary links to the field


def test_step_4_asks_costs_and_hiring_pace_with_their_defaults(owner_client, draft):
    html = owner_client.get(step_url(draft, "hiring")).content.decode()
    for name, value in (
        ("ai_engineer_annual_cost", "180,000"),
        ("infra_engineer_annual_cost", "190,000"),
        ("months_to_hire", "3"),
        ("hires_per_quarter", "3"),
    ):
        assert f'name="{name}" value="{value}"' in html
    assert 'name="ml_engineer_annual_cost"' not in html


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("ai_engineer_annual_cost", "-1", "greater than 0 and at most 1,000,000,000"),
        ("infra_engineer_annual_cost", "lots", "greater than 0 and at most 1,000,000,000"),
        ("months_to_hire", "13", "a number from 1 to 12"),
        ("hires_per_quarter", "2.5", "a whole number from 1 to 100"),
    ],
)
def test_a_bad_hiring_assumption_is_refused_at_its_field(
    owner_client, draft, field, value, message
):
    response = post_step(owner_client, draft, "hiring", hiring_data(**{field: value}))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_{field}_error"' in html and message in html
    draft.refresh_from_db()
    assert not draft.is_complete


def test_step_4_preview_shows_the_yearly_cost_and_a_small_roadmap(owner_client, draft):
    post_step(owner_client, draft, "hiring", hiring_data(), action=None, autosave=True)
    draft.refresh_from_db()
    html = owner_client.get(step_url(draft, "hiring")).content.decode()
    assert "£540k a year</strong>, all in post by quarter 2" in html
    assert "Quarter by quarter" in html and "3 roles open" in html


def test_step_4_saves_the_four_assumptions(owner_client, draft):
    values = {
        "ai_engineer_annual_cost": "150000",
        "infra_engineer_annual_cost": "170000",
        "months_to_hire": "4.5",
        "hires_per_quarter": "2",
    }
    post_step(owner_client, draft, "hiring", hiring_data(**values), action=None, autosave=True)
    draft.refresh_from_db()
    assumptions = draft.answers["assumptions"]
    assert assumptions["ai_engineer_annual_cost"] == 150_000
    assert assumptions["months_to_hire"] == 4.5
    assert assumptions["hires_per_quarter"] == 2
    assert assumptions["ml_engineer_annual_cost"] == 200_000  # step 3's, untouched


def test_an_autosave_with_a_bad_build_cost_marks_that_field_in_place(owner_client, with_path):
    """The answer's out-of-band error slots include the cost fields beside the rows."""
    data = {**roi_data({}), "roi-costs-horizon_years": "0.5"}
    response = post_step(owner_client, with_path, "roi", data, action=None, autosave=True)
    html = response.content.decode()
    assert response.status_code == 422
    slot = html[html.index('id="id_roi-costs-horizon_years_error"') :][:400]
    assert 'hx-swap-oob="true"' in html and "a number from 1 to 10" in slot
    with_path.refresh_from_db()
    assert with_path.answers["assumptions"]["horizon_years"] == 3
