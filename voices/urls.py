from __future__ import annotations

from django.urls import path

from voices import note_views, organiser_views, respondent_views, views

urlpatterns = [
    path("a/<uuid:code>/review/", views.review, name="assessment-review"),
    path("a/<uuid:code>/round/", organiser_views.round_page, name="round"),
    path("a/<uuid:code>/round/remind/", organiser_views.round_remind_view, name="round-remind"),
    path("a/<uuid:code>/round/close/", organiser_views.round_close_view, name="round-close"),
    path("a/<uuid:code>/round/consensus/", organiser_views.round_consensus, name="round-consensus"),
    path("a/<uuid:code>/round/notes/", note_views.organiser_notes, name="round-notes"),
    path("rounds/", respondent_views.rounds_mine, name="rounds-mine"),
    path("v/<uuid:code>/", respondent_views.respond, name="respond"),
    path("v/<uuid:code>/notes/", note_views.respondent_notes, name="respond-notes"),
    path("v/<uuid:code>/<slug:slug>/", respondent_views.respond_step, name="respond-step"),
    path(
        "v/<uuid:code>/<slug:slug>/autosave/",
        respondent_views.respond_autosave,
        name="respond-autosave",
    ),
]
