"""The daily guest-draft clean-up books itself on the queue, once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from background.housekeeping import next_run, purge_guest_drafts_daily
from wizard.models import Assessment

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (datetime(2026, 12, 1, 2, 59, tzinfo=UTC), datetime(2026, 12, 1, 3, 0, tzinfo=UTC)),
        (datetime(2026, 12, 1, 3, 0, tzinfo=UTC), datetime(2026, 12, 2, 3, 0, tzinfo=UTC)),
        (datetime(2026, 12, 31, 22, 0, tzinfo=UTC), datetime(2027, 1, 1, 3, 0, tzinfo=UTC)),
    ],
)
def test_the_next_run_is_the_next_three_oclock(now, expected):
    assert next_run(now) == expected


def test_scheduling_books_one_run_however_often_it_is_asked(settings):
    settings.TASKS = DATABASE_QUEUE
    for _ in range(3):
        call_command("schedule_housekeeping", stdout=StringIO())
    [booked] = DBTaskResult.objects.all()
    assert booked.task_path == "background.housekeeping.purge_guest_drafts_daily"
    assert booked.run_after == next_run()


def test_the_run_deletes_old_guest_drafts_and_books_tomorrow(settings):
    settings.TASKS = DATABASE_QUEUE
    old = Assessment.objects.create(organisation=None, answers={})
    Assessment.objects.filter(pk=old.pk).update(updated=timezone.now() - timedelta(days=31))
    fresh = Assessment.objects.create(organisation=None, answers={})
    assert purge_guest_drafts_daily.call() == 1
    assert list(Assessment.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert DBTaskResult.objects.filter(status="READY").count() == 1


def test_without_deferral_the_command_points_to_cron():
    """Inline tasks cannot wait for tomorrow: the command says to use cron instead."""
    out = StringIO()
    call_command("schedule_housekeeping", stdout=out)
    assert "cron" in out.getvalue()
