from __future__ import annotations

from django.urls import path

from wizard import api, organisation_page, report_views, views

urlpatterns = [
    path("", views.landing, name="landing"),
    path("api/", views.api_docs, name="api-docs"),
    path("api/plan", api.plan, name="api-plan"),
    path("start/", views.start, name="start"),
    path("a/<uuid:code>/", views.resume, name="assessment"),
    path("a/<uuid:code>/report/", report_views.report, name="report"),
    path("a/<uuid:code>/report.pdf", report_views.report_pdf, name="report-pdf"),
    path("a/<uuid:code>/report.json", report_views.report_json_view, name="report-json"),
    path("a/<uuid:code>/paths.csv", report_views.report_csv_view, name="report-csv"),
    path("a/<uuid:code>/what-if/", report_views.what_if, name="what-if"),
    path("a/<uuid:code>/share/", report_views.share_create, name="share-create"),
    path(
        "a/<uuid:code>/share/<int:link_id>/revoke/", report_views.share_revoke, name="share-revoke"
    ),
    path("r/<str:token>/", report_views.shared_report, name="shared-report"),
    path("r/<str:token>/report.pdf", report_views.shared_report_pdf, name="shared-report-pdf"),
    path("o/<slug:slug>/", organisation_page.organisation_home, name="organisation"),
    path("o/<slug:slug>/compare/", report_views.compare, name="compare"),
    path("a/<uuid:code>/copy/", views.copy, name="assessment-copy"),
    path("a/<uuid:code>/delete/", views.delete, name="assessment-delete"),
    path("a/<uuid:code>/<slug:slug>/", views.step_view, name="step"),
    path("a/<uuid:code>/<slug:slug>/autosave/", views.autosave, name="autosave"),
]
