from __future__ import annotations

from django.urls import path

from wizard import views

urlpatterns = [
    path("", views.landing, name="landing"),
]
