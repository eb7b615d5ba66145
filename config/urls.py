from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from config.favicon import favicon
from config.viewer_locale import language_choose

urlpatterns = [
    path("admin/", admin.site.urls),
    path("favicon.ico", favicon, name="favicon"),
    path("language", language_choose, name="set_language"),
    path("accounts/", include("accounts.urls")),
    path("", include("orgs.urls")),
    # Before the wizard's: "a/<code>/review/" would otherwise be read as a step.
    path("", include("voices.urls")),
    path("", include("wizard.urls")),
]
