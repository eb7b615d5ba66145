"""What the database task queue holds, for /metrics and /healthz."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, Count, F, Min, When
from django.tasks import task_backends
from django.utils import timezone


@dataclass(frozen=True)
class QueueState:
    waiting: int  # ready to run now
    oldest_waiting_seconds: float | None  # how long the longest-waiting task has waited
    failed_by_task: dict[str, int]  # failed attempts still on record, by task


def queue_state() -> QueueState | None:
    """The database queue's state, or None when tasks run elsewhere (RQ, inline)."""
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult, get_date_max

    if not isinstance(task_backends["default"], DatabaseBackend):
        return None
    ready = DBTaskResult.objects.ready()
    # A deferred task (a retry) waits from the moment it became due, not when queued.
    due = Case(When(run_after=get_date_max(), then=F("enqueued_at")), default=F("run_after"))
    summary = ready.aggregate(waiting=Count("id"), since=Min(due))
    oldest = None
    if summary["since"] is not None:
        oldest = max(0.0, (timezone.now() - summary["since"]).total_seconds())
    failed = dict(
        DBTaskResult.objects.failed()
        .values_list("task_path")
        .annotate(n=Count("id"))
        .values_list("task_path", "n")
    )
    return QueueState(summary["waiting"], oldest, failed)
