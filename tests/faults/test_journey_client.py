"""The lost-answer check itself, on made-up journeys: no server, no database."""

from __future__ import annotations

import pytest

from bench.journey_client import Attempt, Journey, lost_answers

CODE = "00000000-0000-4000-8000-000000000001"


def _journey(*attempts: tuple[str, int, bool]) -> Journey:
    journey = Journey(1, code=CODE)
    journey.attempts = [Attempt(step, value, acked, "continue") for step, value, acked in attempts]
    return journey


@pytest.mark.parametrize(
    ("attempts", "stored_pilots", "lost"),
    [
        ([("maturity", 1, True)], 1, 0),  # acknowledged and stored
        ([("maturity", 1, True)], 0, 1),  # acknowledged, then gone: lost
        ([("maturity", 1, True), ("maturity", 2, False)], 2, 0),  # a later save committed
        ([("maturity", 1, True), ("maturity", 2, True)], 1, 1),  # the last ack was rolled back
        ([("maturity", 1, False)], 0, 0),  # never acknowledged: nothing promised
    ],
)
def test_only_acknowledged_saves_missing_from_the_database_count_as_lost(
    attempts, stored_pilots, lost
):
    """The last acknowledged save of a step, or one sent after it, must be stored."""
    stored = {CODE: {"maturity": {"working_pilots": stored_pilots}}}
    assert len(lost_answers([_journey(*attempts)], stored)) == lost


def test_a_draft_missing_from_the_database_is_lost():
    """A draft whose start was acknowledged must exist."""
    assert lost_answers([_journey()], {}) == [f"journey 1: draft {CODE} is missing"]
