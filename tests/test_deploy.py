"""What of the Docker image can be checked without a Docker engine: its entrypoint, its
collectstatic step and Django's deployment checks under the image's settings."""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _image_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    # Only what the image sets: nothing leaks in from the test run's own environment.
    env = {"HOME": os.environ.get("HOME", "/tmp"), "PATH": os.environ.get("PATH", "")}
    env.update(
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        DJANGO_SETTINGS_MODULE="config.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        ALLOWED_HOSTS="hireframe.example",
        HTTPS="1",
        DEBUG="0",
        EMAIL_HOST="smtp.hireframe.example",
    )
    env.update(extra)
    return env


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=120
    )


def test_entrypoint_migrates_then_runs_the_command(tmp_path):
    """The entrypoint applies migrations and then hands over to the given command."""
    env = _image_env(tmp_path)
    result = _run(["sh", "docker/entrypoint.sh", "python", "-c", "print('app started')"], env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("app started")
    with sqlite3.connect(tmp_path / "db.sqlite3") as db:
        applied = db.execute("SELECT count(*) FROM django_migrations").fetchone()[0]
        cache = db.execute("SELECT name FROM sqlite_master WHERE name='hireframe_cache'").fetchone()
    assert applied > 10
    assert cache is not None


def test_entrypoint_can_leave_migrations_to_a_release_step(tmp_path):
    """MIGRATE_ON_START=0 starts the command without touching the database."""
    env = _image_env(tmp_path, MIGRATE_ON_START="0")
    result = _run(["sh", "docker/entrypoint.sh", "python", "-c", "print('app started')"], env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "app started"
    assert not (tmp_path / "db.sqlite3").exists()


def test_collectstatic_builds_hashed_compressed_assets(tmp_path):
    """The image's collectstatic step gives whitenoise hashed names and pre-compressed files."""
    env = _image_env(tmp_path, SECRET_KEY="collectstatic-only")
    result = _run([sys.executable, "manage.py", "collectstatic", "--noinput"], env)
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())["paths"]
    for asset in (
        "vendor/bootstrap/bootstrap.min.css",
        "django_htmx/htmx-2.min.js",
        "css/hireframe.css",
    ):
        hashed = tmp_path / "static" / manifest[asset]
        assert hashed.exists()
        assert Path(f"{hashed}.gz").exists() and Path(f"{hashed}.br").exists()


def test_deployment_checks_pass_under_the_image_settings(tmp_path):
    """`check --deploy` has nothing to say about a production configuration."""
    env = _image_env(tmp_path)
    result = _run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], env
    )
    assert result.returncode == 0, result.stdout + result.stderr
