"""Book the daily housekeeping run on the task queue (safe to run at every start)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from background.housekeeping import book_next_run, is_booked, next_run


class Command(BaseCommand):
    help = "Queue the daily guest-draft clean-up, unless it is queued already."

    def handle(self, *args: Any, **options: Any) -> None:
        from background.housekeeping import purge_guest_drafts_daily

        if not purge_guest_drafts_daily.get_backend().supports_defer:
            self.stdout.write(
                "This task backend cannot run tasks later; run "
                "`manage.py purge_guest_drafts` daily from cron instead."
            )
        elif book_next_run():
            self.stdout.write(f"Booked the daily clean-up for {next_run():%Y-%m-%d %H:%M} UTC.")
        elif is_booked():
            self.stdout.write("The daily clean-up is already booked.")
