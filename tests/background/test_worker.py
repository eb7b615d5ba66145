"""The real worker: `manage.py db_worker` against a database file, as `make run` starts it.

Everything runs in subprocesses sharing one SQLite file (the test's own database lives in
memory, where another process could not see it): the schema is migrated, an assessment is
finished and an email queued, then the worker runs the queue dry and exits.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SEED = """
from background.mail import send_email_later
from tests.factories import OrganisationFactory, complete_assessment
assessment = complete_assessment(OrganisationFactory(name="Worker Test Ltd"))
send_email_later(subject="Queued for the worker", body="Hello", to=["dana@example.com"])
print(assessment.code)
"""


def _manage(env: dict[str, str], *args: str, timeout: int = 240) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_the_worker_renders_the_pdf_and_sends_the_email(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'worker.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "SECRET_KEY": "worker-test-only",
        "DEBUG": "1",  # static files by their plain names: no collectstatic here
        "TASKS_BACKEND": "database",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("EMAIL_HOST", None)  # the console mailer: the message is in the worker's output
    _manage(env, "migrate", "--noinput")
    _manage(env, "createcachetable")
    code = _manage(env, "shell", "-c", SEED).strip().splitlines()[-1]
    assert not list((tmp_path / "media").rglob("*.pdf"))  # queued, not rendered inline

    output = _manage(env, "db_worker", "--batch", "--no-startup-delay", "--no-reload")

    [pdf] = (tmp_path / "media" / "reports" / code).glob("*.pdf")
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert "Subject: Queued for the worker" in output
    assert "To: dana@example.com" in output
