from __future__ import annotations

from django.urls import path

from wizard.report import views

urlpatterns = [
    path("a/<uuid:code>/report/", views.report, name="report"),
    path("a/<uuid:code>/report.pdf", views.report_pdf, name="report-pdf"),
    path("a/<uuid:code>/report.json", views.report_json_view, name="report-json"),
    path("a/<uuid:code>/paths.csv", views.report_csv_view, name="report-csv"),
    path("a/<uuid:code>/roadmap.csv", views.report_roadmap_csv_view, name="report-roadmap-csv"),
    path("a/<uuid:code>/what-if/", views.what_if, name="what-if"),
    path("a/<uuid:code>/share/", views.share_create, name="share-create"),
    path("a/<uuid:code>/share/<int:link_id>/revoke/", views.share_revoke, name="share-revoke"),
    path("r/<str:token>/", views.shared_report, name="shared-report"),
    path("r/<str:token>/report.pdf", views.shared_report_pdf, name="shared-report-pdf"),
    path("o/<slug:slug>/compare/", views.compare, name="compare"),
]
