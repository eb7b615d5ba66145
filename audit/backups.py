"""Copies of the whole database to one file and back, for `manage.py backup` and `restore`.

SQLite uses the online backup API, so the copy is consistent while the app keeps serving.
PostgreSQL uses pg_dump's custom format and pg_restore, with the connection settings of
DATABASES; the client tools must be installed and no older than the server.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connections
from django.db.backends.postgresql.client import DatabaseClient

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"


class BackupError(Exception):
    """The backup or restore could not be done; the message says why, for people."""


def database_vendor(using: str = "default") -> str:
    vendor = connections[using].vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor


def database_backup(*, path: Path, using: str = "default") -> None:
    """Write the whole database to `path`. The file appears only once the copy is
    complete, so an interrupted backup never replaces a good one."""
    partial = path.with_name(path.name + ".partial")
    try:
        if database_vendor(using) == "sqlite":
            _sqlite_backup(partial, using)
        else:
            _run(_pg_command("pg_dump", using, "--format=custom", "--file", str(partial)))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


def database_restore(*, path: Path, using: str = "default") -> None:
    """Replace the whole database with the backup at `path` (made by `database_backup`)."""
    vendor = database_vendor(using)
    _check_backup_file(path, vendor)
    if vendor == "sqlite":
        _sqlite_restore(path, using)
    else:
        # Our own idle connection would only get in pg_restore's way.
        connections[using].close()
        _run(
            _pg_command(
                "pg_restore",
                using,
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                str(path),
            )
        )


def _sqlite_backup(target: Path, using: str) -> None:
    connection = connections[using]
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)
    finally:
        destination.close()


def _sqlite_restore(source_path: Path, using: str) -> None:
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    try:
        if source.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise BackupError(f"{source_path} is damaged (SQLite's quick_check failed).")
        connection = connections[using]
        connection.ensure_connection()
        source.backup(connection.connection)
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{source_path} could not be restored: {error}.") from None
    finally:
        source.close()


def _check_backup_file(path: Path, vendor: str) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise BackupError(f"Cannot read {path}: {error.strerror}.") from None
    expected = SQLITE_MAGIC if vendor == "sqlite" else PG_DUMP_MAGIC
    if not head.startswith(expected):
        kind = "an SQLite database" if vendor == "sqlite" else "a pg_dump custom-format file"
        raise BackupError(f"{path} is not {kind}, so it cannot be restored into this database.")


def _pg_command(program: str, using: str, *arguments: str) -> tuple[list[str], dict[str, str]]:
    """The command line and environment for a PostgreSQL client tool. The password
    travels in the environment (PGPASSWORD), never on the command line."""
    if shutil.which(program) is None:
        raise BackupError(f"{program} is not installed (apt-get install postgresql-client).")
    settings_dict = connections[using].settings_dict
    _, env = DatabaseClient.settings_to_cmd_args_env(settings_dict, [])
    args = [program]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            args += [flag, str(settings_dict[key])]
    if settings_dict.get("NAME"):
        args += ["--dbname", str(settings_dict["NAME"])]
    return [*args, *arguments], {**os.environ, **(env or {})}


def _run(command: tuple[list[str], dict[str, str]]) -> None:
    args, env = command
    # A fixed program and our own settings, never request data; no shell.
    result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{args[0]} failed: {result.stderr.strip()}")
