"""Turning a JSON document into validated answers, for the API and the `plan` command.

JSON-level problems (not JSON at all, not UTF-8, nested too deeply for the parser, a
number with thousands of digits) become an `AnswersInvalid` error under "__all__", so both
callers report every kind of bad input the same way and never raise anything else.
"""

from __future__ import annotations

import json

from wizard.rules import Answers, AnswersInvalid, validate_answers

ROOT_ERROR_KEY = "__all__"


def _not_json(message: str) -> AnswersInvalid:
    return AnswersInvalid({ROOT_ERROR_KEY: [message]})


def parse_answers_json(document: bytes | str) -> Answers:
    """Parse and validate a JSON document of answers; raise AnswersInvalid on any problem."""
    if isinstance(document, bytes):
        try:
            document = document.decode("utf-8")
        except UnicodeDecodeError:
            raise _not_json("Expected a JSON document encoded as UTF-8.") from None
    if not document.strip():
        raise _not_json("Expected a JSON object of answers; the input is empty.")
    try:
        raw = json.loads(document)
    except json.JSONDecodeError as error:
        raise _not_json(
            f"Expected valid JSON: {error.msg} (line {error.lineno}, column {error.colno})."
        ) from None
    except RecursionError:
        raise _not_json("Expected JSON nested less deeply.") from None
    except ValueError:  # e.g. an integer longer than Python's digit limit
        raise _not_json("Expected valid JSON with numbers of a reasonable size.") from None
    return validate_answers(raw)
