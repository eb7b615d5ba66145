"""The settings module reads the environment strictly and refuses unsafe production set-ups."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import envbool, envint, envlist, load_dotenv

ROOT = Path(__file__).resolve().parent.parent


def _load_settings(**env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "DATABASE_URL"}}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import config.settings as s; print(s.DEBUG, s.DATABASES['default']['ENGINE'])",
        ],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_missing_secret_key_stops_start_up_when_debug_is_off():
    """Production never runs on a default key: start-up fails with a clear message."""
    result = _load_settings(DEBUG="0", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_debug_runs_without_a_secret_key():
    """Local development needs nothing set."""
    result = _load_settings(DEBUG="1", SECRET_KEY="")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "django.db.backends.sqlite3"]


def test_database_url_selects_postgresql():
    """DATABASE_URL switches the engine; SQLite is only the default."""
    result = _load_settings(SECRET_KEY="x" * 50, DATABASE_URL="postgres://u@127.0.0.1:5432/db")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[1] == "django.db.backends.postgresql"


@pytest.mark.parametrize(
    ("raw", "expected"), [("1", True), ("true", True), ("Yes", True), ("0", False), ("off", False)]
)
def test_envbool_reads_the_usual_spellings(monkeypatch, raw, expected):
    """Booleans accept the common spellings in any case."""
    monkeypatch.setenv("HF_FLAG", raw)
    assert envbool("HF_FLAG") is expected


def test_envbool_rejects_a_typo(monkeypatch):
    """A value that is neither true nor false is an error, not False."""
    monkeypatch.setenv("HF_FLAG", "ture")
    with pytest.raises(ImproperlyConfigured, match="HF_FLAG"):
        envbool("HF_FLAG")


def test_envint_rejects_a_non_number(monkeypatch):
    """A number that does not parse stops start-up."""
    monkeypatch.setenv("HF_NUMBER", "four")
    with pytest.raises(ImproperlyConfigured, match="HF_NUMBER"):
        envint("HF_NUMBER", 1)


def test_envlist_splits_on_commas_and_drops_blanks(monkeypatch):
    """Lists are comma-separated, with stray spaces and blanks ignored."""
    monkeypatch.setenv("HF_LIST", " a.example , ,b.example")
    assert envlist("HF_LIST") == ["a.example", "b.example"]


def test_dotenv_never_overrides_the_real_environment(monkeypatch, tmp_path):
    """A value already in the environment wins over the .env file."""
    dotenv = tmp_path / ".env"
    dotenv.write_text("# comment\nHF_A=from-file\nHF_B='quoted'\n")
    monkeypatch.setenv("HF_A", "from-env")
    monkeypatch.delenv("HF_B", raising=False)
    load_dotenv(dotenv)
    assert os.environ["HF_A"] == "from-env"
    assert os.environ["HF_B"] == "quoted"
    monkeypatch.delenv("HF_B")
