from __future__ import annotations

from django.urls import path

from orgs import views

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("o/<slug:slug>/", views.organisation_home, name="organisation"),
]
