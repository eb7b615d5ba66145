from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from wizard import api_docs as api_docs_content
from wizard.rules import RULES_VERSION


def landing(request: HttpRequest) -> HttpResponse:
    return render(request, "wizard/landing.html")


def api_docs(request: HttpRequest) -> HttpResponse:
    context = {
        "fields": api_docs_content.field_rows(),
        "example_request": api_docs_content.example_request(),
        "example_response": api_docs_content.example_response(),
        "api_url": request.build_absolute_uri(reverse("api-plan")),
        "rules_version": RULES_VERSION,
    }
    return render(request, "wizard/api_docs.html", context)
