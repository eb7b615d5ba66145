from __future__ import annotations

from django.urls import path

from voices import views

urlpatterns = [
    path("a/<uuid:code>/review/", views.review, name="assessment-review"),
]
