"""POST /api/plan: answers in, plan out, every kind of bad input a 4xx with field paths."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.rules.strategies import json_values, raw_answers
from wizard.api_docs import EXAMPLE_ANSWERS
from wizard.rules import make_plan, plan_to_dict, validate_answers

URL = "/api/plan"
FUZZ = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _post(client, body: bytes | str, content_type: str = "application/json"):
    # CONTENT_TYPE is passed explicitly so that an empty body keeps its declared type.
    return client.generic("POST", URL, body, content_type=content_type, CONTENT_TYPE=content_type)


def test_api_url_is_stable():
    """The documented URL is the routed one."""
    assert reverse("api-plan") == URL


def test_valid_answers_get_the_engines_plan(client):
    """The API returns exactly what the engine computes for the same answers."""
    response = _post(client, json.dumps(EXAMPLE_ANSWERS))
    assert response.status_code == 200
    assert response.json() == plan_to_dict(make_plan(validate_answers(EXAMPLE_ANSWERS)))
    assert response.json()["team"]["ai_engineers"] == 3


@pytest.mark.django_db
def test_the_api_stores_nothing(client, django_assert_num_queries):
    """Planning is stateless: not one query reaches the database."""
    with django_assert_num_queries(0):
        assert _post(client, json.dumps(EXAMPLE_ANSWERS)).status_code == 200


def test_bad_answers_get_400_with_field_paths(client):
    """Each problem is reported under the path of its field."""
    body = {"organisation": {"headcount": True}, "critical_paths": [{"name": "x", "kind": "magic"}]}
    response = _post(client, json.dumps(body))
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"organisation.headcount", "critical_paths.0.kind"}
    assert all(isinstance(message, str) for messages in errors.values() for message in messages)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"", "empty"),
        (b"{not json", "valid JSON"),
        (b"\xff\xfe", "UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "nested"),
        (b'{"organisation": {"headcount": ' + b"9" * 5000 + b"}}", "reasonable size"),
    ],
)
def test_a_body_that_is_not_usable_json_gets_400(client, body, expected):
    """Broken JSON, bad encodings, absurd nesting and giant numbers are 400s, never 500s."""
    response = _post(client, body)
    assert response.status_code == 400
    assert expected in response.json()["errors"]["__all__"][0]


def test_nan_is_rejected_at_its_field(client):
    """NaN parses as JSON but is not a number the engine accepts."""
    response = _post(client, '{"organisation": {"headcount": NaN}}')
    assert response.status_code == 400
    assert "organisation.headcount" in response.json()["errors"]


def test_another_content_type_gets_415(client):
    """Form posts and text are refused: the API speaks JSON only."""
    response = _post(client, "organisation=1", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415
    assert "errors" in response.json()


def test_a_body_over_one_megabyte_gets_413(client):
    """The size limit holds before any parsing."""
    body = json.dumps({"organisation": {"headcount": 5}, "pad": "x" * 1_000_001})
    assert _post(client, body).status_code == 413


def test_a_body_just_under_the_limit_is_parsed(client):
    """The limit is 1 MB, not less: a large but legal body is answered on its merits."""
    body = json.dumps({"organisation": {"headcount": 5}, "note": "x" * 999_000})
    response = _post(client, body)
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["note"]


def test_only_post_is_allowed(client):
    """GET and other methods get 405 with an Allow header."""
    response = client.get(URL)
    assert response.status_code == 405
    assert response.headers["Allow"] == "POST"


def test_no_csrf_token_is_needed(client):
    """The API reads no cookies, so it does not ask for a CSRF token."""
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert _post(strict, json.dumps(EXAMPLE_ANSWERS)).status_code == 200


@pytest.mark.fuzz
@settings(FUZZ, max_examples=1000)
@given(raw=raw_answers())
def test_any_valid_answers_get_a_plan(client, raw):
    """Random valid answers always get 200 and a plan in the contract's shape."""
    response = _post(client, json.dumps(raw))
    assert response.status_code == 200, response.content
    assert set(response.json()) >= {"rules_version", "maturity", "stage", "paths", "team"}


@pytest.mark.fuzz
@settings(FUZZ, max_examples=3000)
@given(raw=json_values())
def test_arbitrary_json_never_breaks_the_api(client, raw):
    """Any JSON value is answered with 200 or a 400 listing field errors."""
    response = _post(client, json.dumps(raw))
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        errors = response.json()["errors"]
        assert errors and all(isinstance(m, list) and m for m in errors.values())


@pytest.mark.fuzz
@settings(FUZZ, max_examples=2000)
@given(body=st.binary(max_size=2000))
def test_arbitrary_bytes_never_break_the_api(client, body):
    """Random bytes are a 400, never a 500."""
    assert _post(client, body).status_code in (200, 400)
