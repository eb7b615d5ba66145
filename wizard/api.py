"""The stateless JSON API: answers in, plan out. Nothing is stored and no login is needed."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from wizard.json_input import ROOT_ERROR_KEY, parse_answers_json
from wizard.rules import AnswersInvalid, make_plan, plan_to_dict

MAX_BODY_BYTES = 1_000_000


def _error(status: int, message: str) -> JsonResponse:
    return JsonResponse({"errors": {ROOT_ERROR_KEY: [message]}}, status=status)


def _declared_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


# No cookies or sessions are read, so there is nothing for a cross-site request to abuse.
@csrf_exempt
@require_POST
def plan(request: HttpRequest) -> JsonResponse:
    if request.content_type != "application/json":
        return _error(415, "Send the answers as JSON, with Content-Type: application/json.")
    if _declared_length(request) > MAX_BODY_BYTES:
        return _error(413, "The body is larger than 1 MB.")
    # Read at most one byte past the limit, so a body without a length is bounded too.
    body = request.read(MAX_BODY_BYTES + 1)
    if len(body) > MAX_BODY_BYTES:
        return _error(413, "The body is larger than 1 MB.")
    try:
        answers = parse_answers_json(body)
    except AnswersInvalid as invalid:
        return JsonResponse({"errors": invalid.errors}, status=400)
    return JsonResponse(plan_to_dict(make_plan(answers)), json_dumps_params={"allow_nan": False})
