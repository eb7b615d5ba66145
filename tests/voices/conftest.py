"""A draft of Northwind's with a round of answers: bob (editor) and vera (viewer) asked."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.factories import AssessmentFactory
from voices.models import Respondent, Round
from voices.rounds import round_start


def _link(respondent: Respondent) -> str:
    return f"https://hireframe.test/v/{respondent.code}/"


@pytest.fixture
def draft(organisation, owner):
    return AssessmentFactory(organisation=organisation, created_by=owner)


@pytest.fixture
def open_round(draft, owner, editor, viewer) -> Round:
    return round_start(
        assessment=draft,
        organiser=owner,
        members=[editor, viewer],
        link_for=_link,
        invitation_link_for=lambda token: f"https://hireframe.test/invite/{token}/",
    )


def respondent_of(round_: Round, user: Any) -> Respondent:
    return round_.respondents.get(user=user)


def answer_all(client: Client, respondent: Respondent, *, pilots: str, paths: list[dict]) -> None:
    """Answer the three steps without JavaScript, as a respondent's browser would."""
    from tests.wizard.helpers import maturity_data, paths_data, roi_data

    def post(slug: str, data: dict[str, Any]) -> None:
        respondent.refresh_from_db()
        response = client.post(
            f"/v/{respondent.code}/{slug}/",
            {"version": str(respondent.version), "action": "continue", **data},
        )
        assert response.status_code == 302, response.content.decode()[:2000]

    post("maturity", maturity_data(working_pilots=pilots, systems_in_production="1"))
    post("paths", paths_data(*({"name": p["name"], "kind": "predictive"} for p in paths)))
    post("roi", roi_data(*({k: v for k, v in p.items() if k != "name"} for p in paths)))
