"""LargeTablePaginator: counts that stay cheap however big the table."""

from __future__ import annotations

import pytest
from django.db import connection

from config.large_table_pagination import LargeTablePaginator, estimated_row_count
from tests.factories import AssessmentFactory
from wizard.models import Assessment

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the estimate comes from PostgreSQL's pg_class"
)


class SmallCap(LargeTablePaginator):
    cap = 5


@pytest.fixture
def twelve(db):
    return AssessmentFactory.create_batch(12)


def test_a_count_under_the_cap_is_exact(twelve):
    """Below the cap the count is exact and says so."""
    paginator = LargeTablePaginator(Assessment.objects.order_by("-id"), 5)
    assert paginator.count == 12
    assert not paginator.count_is_capped and not paginator.count_is_estimate
    assert paginator.num_pages == 3


def test_a_filtered_count_stops_at_the_cap(twelve):
    """A broad filter is counted only up to the cap, and the paginator says it stopped."""
    paginator = SmallCap(Assessment.objects.filter(status="draft").order_by("-id"), 2)
    assert paginator.count == 5
    assert paginator.count_is_capped
    assert [a.pk for a in paginator.page(1)] == sorted((a.pk for a in twelve), reverse=True)[:2]


@pytest.mark.skipif(connection.vendor == "postgresql", reason="PostgreSQL estimates instead")
def test_without_postgresql_an_unfiltered_count_is_capped_too(twelve):
    """SQLite has no cheap estimate, so the cap applies to the whole table."""
    paginator = SmallCap(Assessment.objects.order_by("-id"), 2)
    assert estimated_row_count(Assessment.objects.all()) is None
    assert paginator.count == 5 and paginator.count_is_capped


@on_postgresql
def test_an_unfiltered_count_on_postgresql_is_the_planners_estimate(twelve):
    """After ANALYZE, an unfiltered list over the cap uses pg_class's estimate."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE wizard_assessment")
    paginator = SmallCap(Assessment.objects.order_by("-id"), 2)
    assert paginator.count == 12
    assert paginator.count_is_estimate


@on_postgresql
def test_a_table_under_the_cap_is_counted_exactly_on_postgresql_too(twelve):
    """An estimate is used only when it is over the cap; small tables get exact counts."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE wizard_assessment")
    paginator = LargeTablePaginator(Assessment.objects.order_by("-id"), 2)
    assert paginator.count == 12
    assert not paginator.count_is_estimate
