"""What the fuzz tests share: how many inputs, what text, and a transaction per input."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st


@contextmanager
def undone() -> Iterator[None]:
    """Run one example in its own transaction and roll it back, so that examples cannot
    see each other's rows (Hypothesis runs them all inside one test's fixtures)."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


# The default for a fuzz test of one form; those with more ground to cover ask for more.
EXAMPLES = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Any text a browser (or anyone) could put in a field.
texts = st.text(max_size=60)
