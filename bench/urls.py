"""The app's URLs plus bare views that do the least Django can do: the ceiling we compare to."""

from __future__ import annotations

from django.http import JsonResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def bare_json(request):
    return JsonResponse({"ok": True})


urlpatterns = [
    path("bench/bare-json", bare_json),
    path("", include("config.urls")),
]
