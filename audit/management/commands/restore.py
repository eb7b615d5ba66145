"""`python manage.py restore PATH`: replace the whole database with a backup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections

from audit.backups import BackupError, database_restore, database_vendor


class Command(BaseCommand):
    help = (
        "Replace everything in the database with the backup at PATH, made by "
        "`manage.py backup`. Asks for confirmation unless --no-input is given. Stop the "
        "app first, and run `manage.py migrate` afterwards if the backup is from an older "
        "release. (The command lives in the audit app only because Django commands need "
        "an app; it covers every table.)"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="a file made by `manage.py backup`")
        parser.add_argument("--database", default="default", help="database alias")
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help="do not ask for confirmation",
        )

    def handle(
        self, *args: Any, path: Path, database: str, interactive: bool, **options: Any
    ) -> None:
        if not path.is_file():
            raise CommandError(f"{path} does not exist or is not a file.")
        name = connections[database].settings_dict["NAME"]
        if interactive:
            answer = input(
                f"This replaces everything in the database {name} with {path}.\n"
                "Type 'yes' to continue, or anything else to cancel: "
            )
            if answer.strip().lower() != "yes":
                self.stdout.write("Restore cancelled; nothing was changed.")
                return
        try:
            vendor = database_vendor(database)
            database_restore(path=path, using=database)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Restored the {vendor} database {name} from {path}.")
