from __future__ import annotations

from django.urls import path

from bench.peer import views

urlpatterns = [
    path("", views.PeerWizard.as_view(), name="peer"),
    path("done/<int:pk>/", views.done, name="peer-done"),
]
