from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from config.favicon import favicon

urlpatterns = [
    path("admin/", admin.site.urls),
    path("favicon.ico", favicon, name="favicon"),
    path("accounts/", include("accounts.urls")),
    path("", include("orgs.urls")),
    path("", include("wizard.urls")),
]
