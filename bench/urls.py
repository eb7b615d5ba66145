"""The app's URLs plus bare views that do the least Django can do (the ceilings we compare
to) and the django-formtools peer under /peer/."""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def bare_json(request):
    return JsonResponse({"ok": True})


def bare_template(request):
    return render(request, "bench/bare.html", {"title": "Bare", "message": "Hello"})


urlpatterns = [
    path("bench/bare-json", bare_json),
    path("bench/bare-template", bare_template),
    path("peer/", include("bench.peer.urls")),
    path("", include("config.urls")),
]
