"""Daily housekeeping run by the worker: guests' abandoned drafts are deleted.

The queue has no timetable of its own, so the task books its next run (tomorrow at
HOUSEKEEPING_HOUR UTC) each time it runs; `manage.py schedule_housekeeping` books the
first one, and does nothing when one is booked already. A backend that cannot run a task
later (inline, or RQ without its scheduler) uses cron instead (docs/scaling.md).
"""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta

from django.conf import settings
from django.tasks import task
from django.utils import timezone

logger = logging.getLogger(__name__)


def next_run(now: datetime | None = None) -> datetime:
    """The next HOUSEKEEPING_HOUR:00 UTC strictly after `now`."""
    now = now or timezone.now()
    today = datetime.combine(now.date(), time(settings.HOUSEKEEPING_HOUR), tzinfo=now.tzinfo)
    return today if today > now.astimezone(today.tzinfo) else today + timedelta(days=1)


def is_booked() -> bool:
    """Whether the database queue already holds a run waiting for its time."""
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=purge_guest_drafts_daily.module_path, status="READY"
    ).exists()


def book_next_run(now: datetime | None = None) -> bool:
    """Queue the next daily run, unless the backend cannot defer or one is booked."""
    if not purge_guest_drafts_daily.get_backend().supports_defer or is_booked():
        return False
    purge_guest_drafts_daily.using(run_after=next_run(now)).enqueue()
    return True


@task()
def purge_guest_drafts_daily() -> int:
    """Delete guests' drafts untouched for 30 days, then book tomorrow's run."""
    from wizard.services import guest_drafts_purge

    try:
        deleted = guest_drafts_purge()
        logger.info("Deleted %d abandoned guest draft(s).", deleted)
        return deleted
    finally:
        # Booked even after a failure: one bad day must not stop the clean-up for good.
        book_next_run()
