"""Test-wide Django adjustments, applied once after pytest-django has loaded the settings,
and the count of generated inputs that the fuzz tests (marked `fuzz`) send."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Generator

import pytest

# Generated inputs each fuzz test ran (draws Hypothesis rejected before the test are not counted).
FUZZ_INPUTS: Counter[str] = Counter()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fuzz-minimum",
        type=int,
        default=0,
        help="fail the run if the fuzz tests sent fewer generated inputs than this (CI: 10000)",
    )


def pytest_configure(config: pytest.Config) -> None:
    from django.conf import settings

    from config.catalogues import compile_catalogues

    # A test run straight from pytest (not `make test`) still reads the current catalogues.
    compile_catalogues()

    # The test client speaks plain HTTP; the HTTPS redirect and HSTS are checked explicitly
    # in tests/security/test_https.py with production-like settings.
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
    # Tasks run inline, inside the request or call that queues them; one test starts the
    # real worker (tests/background/test_worker.py). The backends are built again from this.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    from django.tasks.signals import clear_tasks_handlers

    clear_tasks_handlers(setting="TASKS")
    # Stored PDFs go to a folder of this run's own, not var/media.
    import tempfile

    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="hireframe-media-")


@pytest.fixture(autouse=True)
def _tasks_queued_as_if_committed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Work queued "after commit" outside any transaction of the code's own is queued at once.

    A test runs inside atomic blocks that never commit, so `on_commit` would never fire;
    those blocks are the test's, not the caller's. Work queued inside a transaction the
    code opened still waits for it (use django_capture_on_commit_callbacks to see it).
    """
    from django.db import connection, transaction

    from background import queue

    def on_commit(func, using=None, robust=False):  # type: ignore[no-untyped-def]
        if all(getattr(block, "_from_testcase", False) for block in connection.atomic_blocks):
            func()
        else:
            transaction.on_commit(func, using=using, robust=robust)

    monkeypatch.setattr(queue, "on_commit", on_commit)


@pytest.fixture(autouse=True)
def _no_pdf_on_finishing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Finishing an assessment queues its PDF; inline, that is seconds of WeasyPrint in
    every test that finishes one. The PDF tests ask for the PDF instead, which queues it
    too; tests/wizard/test_pdf_files.py puts the queueing on finishing back."""
    monkeypatch.setattr("wizard.services.pdf_render_later", lambda **kwargs: False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, object, object]:
    """Count each input a `fuzz` test runs: Hypothesis calls `.hypothesis.inner_test`
    once per generated input, and lets it be replaced for the run."""
    hypothesis_api = getattr(getattr(item, "obj", None), "hypothesis", None)
    if item.get_closest_marker("fuzz") is None or hypothesis_api is None:
        return (yield)
    inner = hypothesis_api.inner_test

    @functools.wraps(inner)
    def counted(*args: object, **kwargs: object) -> object:
        FUZZ_INPUTS[item.nodeid] += 1
        return inner(*args, **kwargs)

    hypothesis_api.inner_test = counted
    try:
        return (yield)
    finally:
        hypothesis_api.inner_test = inner


def _fuzz_minimum_missed(config: pytest.Config) -> int:
    """The minimum asked for with --fuzz-minimum if this run sent fewer inputs, else 0."""
    minimum = config.getoption("--fuzz-minimum")
    return minimum if minimum and FUZZ_INPUTS.total() < minimum else 0


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FUZZ_INPUTS:
        tests = len(FUZZ_INPUTS)
        terminalreporter.write_line(
            f"fuzz: {FUZZ_INPUTS.total():,} generated inputs sent to the forms and the API "
            f"by {tests} test{'' if tests == 1 else 's'}"
        )
    if minimum := _fuzz_minimum_missed(terminalreporter.config):
        terminalreporter.write_line(f"fuzz: fewer than --fuzz-minimum {minimum:,}", red=True)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if exitstatus == pytest.ExitCode.OK and _fuzz_minimum_missed(session.config):
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
