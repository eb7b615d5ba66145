"""`manage.py backup` and `restore`: a round trip brings every main table back as it was."""

from __future__ import annotations

import shutil

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from accounts.models import User
from audit.models import Action, AuditEvent
from audit.services import audit_record
from orgs.models import Membership, Organisation
from tests.factories import MembershipFactory, complete_assessment
from wizard.models import Assessment

# pg_dump and pg_restore work in other processes, so the data must really be committed.
pytestmark = pytest.mark.django_db(transaction=True)

MAIN_MODELS = (User, Organisation, Membership, Assessment, AuditEvent)


def snapshot() -> dict[str, list[dict]]:
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in MAIN_MODELS}


def make_data() -> None:
    membership = MembershipFactory(user__email="alice@example.com", role="owner")
    complete_assessment(membership.organisation)
    audit_record(action=Action.MEMBER_ADDED, actor=membership.user, target="alice@example.com")


def change_everything() -> None:
    Assessment.objects.update(title="Changed after the backup")
    Membership.objects.all().delete()
    MembershipFactory(user__email="mallory@example.com")
    AuditEvent.objects.all().delete()


def round_trip(tmp_path) -> None:
    make_data()
    before = snapshot()
    assert all(before.values())
    path = tmp_path / "hireframe.backup"
    call_command("backup", str(path))
    change_everything()
    assert snapshot() != before
    call_command("restore", str(path), "--no-input")
    assert {name: len(rows) for name, rows in snapshot().items()} == {
        name: len(rows) for name, rows in before.items()
    }
    assert snapshot() == before


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite round trip")
def test_sqlite_round_trip_restores_every_row(tmp_path):
    """Back up, change and delete, restore: every main table is as it was."""
    round_trip(tmp_path)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="runs when DATABASE_URL is PostgreSQL"
)
@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump is not installed")
def test_postgresql_round_trip_restores_every_row(tmp_path):
    """pg_dump then pg_restore --clean brings every main table back as it was."""
    round_trip(tmp_path)


def test_restore_asks_first_and_changes_nothing_without_a_yes(tmp_path, monkeypatch, capsys):
    """Without --no-input, anything but "yes" cancels the restore."""
    make_data()
    path = tmp_path / "hireframe.backup"
    call_command("backup", str(path))
    Assessment.objects.update(title="Kept")
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    call_command("restore", str(path))
    assert set(Assessment.objects.values_list("title", flat=True)) == {"Kept"}
    assert "cancelled" in capsys.readouterr().out


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    """A stray file is refused before anything in the database is touched."""
    make_data()
    path = tmp_path / "notes.txt"
    path.write_text("not a backup")
    with pytest.raises(CommandError, match="cannot be restored"):
        call_command("restore", str(path), "--no-input")
    assert Assessment.objects.count() == 1


def test_restore_of_a_missing_file_says_so(tmp_path, db):
    """A mistyped path is an error naming it."""
    with pytest.raises(CommandError, match="does not exist"):
        call_command("restore", str(tmp_path / "missing.backup"), "--no-input")


def test_a_failed_backup_leaves_the_previous_file_alone(tmp_path, monkeypatch):
    """The new backup replaces the old one only once it is complete."""
    path = tmp_path / "hireframe.backup"
    path.write_bytes(b"the previous backup")

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("audit.backups._sqlite_backup", broken)
    monkeypatch.setattr("audit.backups._run", broken)
    with pytest.raises(CommandError, match="disk full"):
        call_command("backup", str(path))
    assert path.read_bytes() == b"the previous backup"
    assert list(tmp_path.iterdir()) == [path]
