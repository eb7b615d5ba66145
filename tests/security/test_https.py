"""With HTTPS on (the default when DEBUG is off), cookies are secure, HSTS is sent and
plain HTTP is redirected. The settings are loaded in a fresh process, as in production."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

ROOT = Path(__file__).resolve().parents[2]
NAMES = (
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
)


def production_settings(**env: str) -> dict[str, object]:
    base = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "HTTPS", "SECRET_KEY"}}
    code = (
        "import json, config.settings as s; "
        f"print(json.dumps({{n: getattr(s, n) for n in {NAMES!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**base, "SECRET_KEY": "x" * 50, "DEBUG": "0", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_https_is_on_by_default_in_production():
    """DEBUG off: secure cookies, the HTTPS redirect and a year of HSTS with subdomains."""
    values = production_settings()
    assert values == {
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
    }
    assert production_settings(HTTPS="1") == values


def test_https_0_turns_all_of_it_off():
    """HTTPS=0 is for a private network without TLS: no redirect, no HSTS, plain cookies."""
    values = production_settings(HTTPS="0")
    assert not any(values.values())


@pytest.mark.django_db
def test_responses_carry_hsts_and_secure_cookies(client, settings):
    """Under the production values, HTTP is redirected and HTTPS responses send HSTS and
    cookies marked Secure."""
    for name, value in production_settings(HTTPS="1").items():
        setattr(settings, name, value)
    assert client.get(reverse("landing"))["Location"].startswith("https://")
    user = UserFactory()
    response = client.post(
        reverse("login"), {"username": user.email, "password": PASSWORD}, secure=True
    )
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response.cookies["sessionid"]["secure"] is True
    assert response.cookies["sessionid"]["httponly"] is True
    assert response.cookies["csrftoken"]["secure"] is True
