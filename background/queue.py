"""Putting work on the task queue: after the caller's transaction commits, and again later
when an attempt fails.

Tasks are Django's own (`django.tasks`); which backend runs them is the TASKS setting
(django-tasks-db's database queue by default, see docs/scaling.md for RQ).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.db.transaction import on_commit
from django.tasks import Task
from django.utils import timezone
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


def enqueue_after_commit(task: Task, *args: Any, **kwargs: Any) -> None:
    """Queue `task` once the current transaction commits (at once outside one).

    A worker that picked the task up before the commit would not see the rows it is about;
    and a rolled-back transaction must not leave work behind. A queue that is down is
    logged, not raised: the request that asked for the work has already succeeded.
    """

    def enqueue() -> None:
        try:
            task.enqueue(*args, **kwargs)
        except Exception:
            logger.exception("Could not queue task %s", task.module_path)

    on_commit(enqueue)


def retry_delay(attempt: int, first: timedelta) -> timedelta:
    """Exponential backoff: `first`, then twice as long after each failure, at most a day."""
    return min(first * 2 ** (attempt - 1), timedelta(days=1))


def retried(
    *, attempts: int = 5, first_delay: timedelta = timedelta(seconds=30)
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Put under `@task()`: a failed attempt queues the next one, later each time.

    The task gains a keyword argument `attempt` (1 for the first run). The failure is
    logged and re-raised, so the queue records that attempt as failed; after `attempts`
    failures the work is given up, with an error in the log. The wrapped function must be
    idempotent: an attempt can fail after doing part of its work.
    """

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def run(*args: Any, attempt: int = 1, **kwargs: Any) -> Any:
            try:
                return func(*args, **kwargs)
            except Exception:
                path = f"{func.__module__}.{func.__qualname__}"
                if attempt >= attempts:
                    logger.error("Task %s failed %d times; giving up.", path, attempt)
                else:
                    logger.warning("Task %s failed (attempt %d of %d).", path, attempt, attempts)
                    _enqueue_retry(
                        path, args, kwargs, attempt + 1, retry_delay(attempt, first_delay)
                    )
                raise

        return run

    return decorate


def _enqueue_retry(
    path: str, args: tuple[Any, ...], kwargs: dict[str, Any], attempt: int, delay: timedelta
) -> None:
    task: Task = import_string(path)
    # A backend that cannot defer (the inline one tests use) retries at once.
    if task.get_backend().supports_defer:
        task = task.using(run_after=timezone.now() + delay)
    try:
        task.enqueue(*args, attempt=attempt, **kwargs)
    except Exception:
        logger.exception("Could not queue a retry of task %s", path)
