"""Delete guests' drafts that nobody has touched for 30 days (run it daily, e.g. from cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from wizard.services import guest_drafts_purge


class Command(BaseCommand):
    help = "Delete drafts started without an account and untouched for 30 days."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = guest_drafts_purge()
        self.stdout.write(f"Deleted {deleted} guest draft{'s' if deleted != 1 else ''}.")
