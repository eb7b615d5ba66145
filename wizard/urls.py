from __future__ import annotations

from django.urls import include, path

from wizard import api, organisation_page, views

urlpatterns = [
    path("", views.landing, name="landing"),
    path("api/", views.api_docs, name="api-docs"),
    path("api/plan", api.plan, name="api-plan"),
    path("start/", views.start, name="start"),
    path("a/<uuid:code>/", views.resume, name="assessment"),
    path("o/<slug:slug>/", organisation_page.organisation_home, name="organisation"),
    # Before the step URLs: "a/<code>/report/" would otherwise be read as a step.
    path("", include("wizard.report.urls")),
    path("a/<uuid:code>/copy/", views.copy, name="assessment-copy"),
    path("a/<uuid:code>/delete/", views.delete, name="assessment-delete"),
    path("a/<uuid:code>/<slug:slug>/", views.step_view, name="step"),
    path("a/<uuid:code>/<slug:slug>/autosave/", views.autosave, name="autosave"),
]
