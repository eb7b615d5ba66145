"""Two instances on one PostgreSQL and one Redis behave as one app (bench/scale_out.py,
in a short run): sessions and the share-link rate limit are shared, and journeys that
alternate between the instances see no errors and lose no answers."""

from __future__ import annotations

import json

import pytest

from bench.scale_out import RATE_LIMIT, scale_out
from tests.faults.conftest import postgres_url

pytestmark = [
    pytest.mark.faults,
    pytest.mark.skipif(
        postgres_url() is None, reason="scaling out needs PostgreSQL (DATABASE_URL) for both"
    ),
]


def test_two_instances_share_sessions_rate_limits_and_answers(
    faults_database_url, faults_redis_url
):
    """A journey alternating between A and B works as on one instance, with nothing lost."""
    if faults_redis_url is None:
        pytest.skip("scaling out needs Redis on 127.0.0.1:6379 for the shared cache")
    result = scale_out(faults_database_url, faults_redis_url, seconds=8, threads=6)
    print(f"\nscale-out: {json.dumps({k: v for k, v in result.items() if k != 'lost_answers'})}")

    assert result["session_shared"]
    assert result["rate_limit_statuses"] == [404] * RATE_LIMIT + [429]
    assert result["lost_answers"] == []
    assert result["failed_requests"] == 0
    assert set(result["statuses"]) <= {"200", "300"}
    assert result["finished"] == result["journeys"] >= 6
