"""Comparing two assessments: what changed, marked from the engine's plans, and headings
that tell the two apart."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse

from tests.factories import EXAMPLE_ANSWERS, complete_assessment
from wizard.models import Assessment

pytestmark = pytest.mark.django_db


def _compare(client, organisation, first, second) -> str:
    url = reverse("compare", args=[organisation.slug]) + f"?a={first.code}&b={second.code}"
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _verdict_list(html: str) -> str:
    return html.split("Path verdicts that changed", 1)[1].split("</ul>", 1)[0]


def test_only_team_counts_changed_says_no_verdict_changed(owner_client, organisation):
    """Team counts differ but every path keeps its verdict: the verdict list says "None."
    rather than showing an empty list."""
    first = complete_assessment(organisation)
    # Fewer people: a smaller team at another stage, the same two verdicts.
    smaller = {**EXAMPLE_ANSWERS, "organisation": {"headcount": 30}}
    second = complete_assessment(organisation, smaller)
    assert first.plan["team"] != second.plan["team"]
    assert [p["verdict"] for p in first.plan["paths"]] == [
        p["verdict"] for p in second.plan["paths"]
    ]
    html = _compare(owner_client, organisation, first, second)
    assert 'class="changed"' in html
    verdicts = _verdict_list(html)
    assert "<li>None.</li>" in verdicts and "changed-item" not in verdicts


def test_two_assessments_of_one_day_have_headings_that_differ(owner_client, organisation):
    """Made on the same day, the two columns show the time too, and which is earlier."""
    first = complete_assessment(organisation)
    second = complete_assessment(organisation)
    morning = first.completed.replace(hour=9, minute=5)
    Assessment.objects.filter(pk=first.pk).update(completed=morning)
    Assessment.objects.filter(pk=second.pk).update(completed=morning + timedelta(hours=2))
    html = _compare(owner_client, organisation, second, first)
    head = html.split("<thead>", 1)[1].split("</thead>", 1)[0]
    assert "Earlier" in head and "Later" in head
    assert head.index("09:05") < head.index("11:05")


def test_assessments_of_different_days_show_the_date_alone(owner_client, organisation):
    """Days apart, the date tells them apart: no time is shown."""
    first = complete_assessment(organisation)
    second = complete_assessment(organisation)
    Assessment.objects.filter(pk=first.pk).update(completed=first.completed - timedelta(days=3))
    html = _compare(owner_client, organisation, first, second)
    head = html.split("<thead>", 1)[1].split("</thead>", 1)[0]
    assert not re.search(r"\d\d:\d\d", head)


def test_paths_are_matched_by_the_engines_name_key(owner_client, organisation):
    """A path renamed only in case is the same path: no verdict change is listed."""
    first = complete_assessment(organisation)
    renamed = [
        {**EXAMPLE_ANSWERS["critical_paths"][0], "name": "CHURN PREDICTION"},
        EXAMPLE_ANSWERS["critical_paths"][1],
    ]
    second = complete_assessment(organisation, {**EXAMPLE_ANSWERS, "critical_paths": renamed})
    html = _compare(owner_client, organisation, first, second)
    assert "<li>None.</li>" in _verdict_list(html)
