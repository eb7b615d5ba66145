"""SENTRY_DSN turns on error reports; they carry no personal data and no tokens."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from observability.logs import scrub_sentry_event

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import django
django.setup()
import sentry_sdk
options = sentry_sdk.get_client().options
print(bool(sentry_sdk.get_client().is_active()), options["send_default_pii"],
      options["before_send"].__name__)
"""


def test_a_dsn_starts_sentry_without_personal_data():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "SECRET_KEY": "sentry-test-only",
        "SENTRY_DSN": "https://public@sentry.invalid/1",
    }
    out = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["True", "False", "scrub_sentry_event"]


def test_without_a_dsn_nothing_is_reported():
    import sentry_sdk

    assert not sentry_sdk.get_client().is_active()


def test_an_event_loses_tokens_addresses_cookies_and_bodies():
    event = {
        "request": {
            "url": "https://hireframe.example/r/SeCrEtToKeN123/report.pdf",
            "query_string": "next=/invite/abc123/&email=dana@example.com",
            "cookies": {"sessionid": "x"},
            "data": {"password": "hunter2"},
        },
        "logentry": {"message": "Not Found: /r/SeCrEtToKeN123/", "formatted": "dana@example.com"},
    }
    scrubbed = scrub_sentry_event(event, {})
    text = repr(scrubbed)
    for secret in ("SeCrEtToKeN123", "abc123", "dana@example.com", "hunter2", "sessionid"):
        assert secret not in text
