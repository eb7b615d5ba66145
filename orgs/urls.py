from __future__ import annotations

from django.urls import path

from orgs import views

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("o/<slug:slug>/members/", views.members, name="members"),
    path("o/<slug:slug>/members/invite/", views.member_invite, name="member-invite"),
    path("o/<slug:slug>/members/<int:pk>/role/", views.member_role, name="member-role"),
    path("o/<slug:slug>/members/<int:pk>/remove/", views.member_remove, name="member-remove"),
    path(
        "o/<slug:slug>/invitations/<int:pk>/withdraw/",
        views.invitation_withdraw,
        name="invitation-withdraw",
    ),
    path("o/<slug:slug>/currency/", views.organisation_currency, name="organisation-currency"),
    path("o/<slug:slug>/leave/", views.organisation_leave, name="organisation-leave"),
    path("invite/<str:token>/", views.invite, name="invite"),
]
