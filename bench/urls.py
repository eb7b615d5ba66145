"""The app's URLs plus bare views that do the least Django can do (the ceilings we compare
to), floors that do the least one of our pages must, and the formtools peer under /peer/."""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from wizard.access import get_assessment_for_user
from wizard.report import views as report_views


@csrf_exempt
def bare_json(request):
    return JsonResponse({"ok": True})


def bare_template(request):
    return render(request, "bench/bare.html", {"title": "Bare", "message": "Hello"})


# Floors: what a report page must do before it draws anything of its own. The signed-in
# floor checks access to the assessment (session, user, assessment and role) and draws the
# site's layout around nothing; the shared floor finds the link and writes the rate-limit
# count, the view count and its audit row, as the shared report does. No report page can
# be faster than its floor, so they show how much of a target is left to the page itself.
@require_GET
def signed_in_floor(request, code):
    access = get_assessment_for_user(request, code)
    return render(request, "bench/floor.html", {"message": access.assessment.code})


@require_GET
def shared_floor(request, token):
    link = report_views._shared_link(request, token)  # the shared report's own first half
    return render(request, "bench/floor.html", {"message": link.pk})


urlpatterns = [
    path("bench/bare-json", bare_json),
    path("bench/bare-template", bare_template),
    path("bench/floor/a/<uuid:code>/", signed_in_floor),
    path("bench/floor/r/<str:token>/", shared_floor),
    path("peer/", include("bench.peer.urls")),
    path("", include("config.urls")),
]
