"""Test-wide Django adjustments, applied once after pytest-django has loaded the settings."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    from django.conf import settings

    # The test client speaks plain HTTP; the HTTPS redirect and HSTS are checked explicitly
    # in tests/test_security_settings.py with production-like settings.
    settings.SECURE_SSL_REDIRECT = False
    # No collectstatic before tests: serve assets straight from the source folders.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    # Hashing passwords at production strength makes every login in a test slow.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # django-axes refuses authenticate() calls without a request, as Client.login() makes
    # them; it is switched on in the tests of the lockout itself (tests/security/).
    settings.AXES_ENABLED = False
