"""`python manage.py backup PATH`: copy the whole database into one file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from audit.backups import BackupError, database_backup, database_vendor


class Command(BaseCommand):
    help = (
        "Back up the whole database to PATH: SQLite with its online backup API (safe while "
        "the app runs), PostgreSQL with pg_dump --format=custom. Restore it with "
        "`manage.py restore PATH`. (The command lives in the audit app only because "
        "Django commands need an app; it covers every table.)"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="file to write; replaced if it exists")
        parser.add_argument("--database", default="default", help="database alias")

    def handle(self, *args: Any, path: Path, database: str, **options: Any) -> None:
        try:
            vendor = database_vendor(database)
            database_backup(path=path, using=database)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from None
        size = path.stat().st_size
        self.stdout.write(f"Backed up the {vendor} database to {path} ({size:,} bytes).")
