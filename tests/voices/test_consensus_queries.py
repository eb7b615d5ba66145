"""The consensus page reads a round in a handful of queries, however many answers."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory
from voices.models import Respondent, Round
from wizard.answers_draft import normalised

pytestmark = pytest.mark.django_db


def _answers(seed: int) -> dict:
    paths = [
        {
            "name": f"Path {n}",
            "kind": "predictive",
            "annual_impact": 100_000 + 10_000 * ((n + seed) % 7),
            "labelled_examples": 5_000 if (n + seed) % 11 == 0 else 50_000,
            "months_to_build": 3 + (n + seed) % 5,
        }
        for n in range(50)
    ]
    return normalised(
        {
            "organisation": {"headcount": 150},
            "maturity": {"working_pilots": 1 + seed % 3, "systems_in_production": 1},
            "critical_paths": paths,
        }
    )


def test_ten_respondents_with_fifty_paths_each_take_at_most_ten_queries(
    organisation, owner, owner_client, django_assert_max_num_queries
):
    from tests.factories import AssessmentFactory

    draft = AssessmentFactory(organisation=organisation, created_by=owner)
    round_ = Round.objects.create(assessment=draft, created_by=owner, closed=timezone.now())
    for seed in range(10):
        user = UserFactory()
        Respondent.objects.create(
            round=round_,
            user=user,
            email=user.email,
            answers=_answers(seed),
            submitted=timezone.now(),
        )
    url = reverse("round-consensus", args=[draft.code])
    owner_client.get(url)  # the session and the caches settle on the first request
    with django_assert_max_num_queries(10):
        response = owner_client.get(url)
    assert response.status_code == 200
    assert len(response.context["page"].consensus.paths) == 50
