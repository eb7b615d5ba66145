from __future__ import annotations

from django.urls import path

from wizard import api, views

urlpatterns = [
    path("", views.landing, name="landing"),
    path("api/", views.api_docs, name="api-docs"),
    path("api/plan", api.plan, name="api-plan"),
]
