"""Production settings plus the bench-only views: the ceilings and the formtools peer."""

from config.settings import *  # noqa: F403
from config.settings import BASE_DIR, INSTALLED_APPS, TEMPLATES

ROOT_URLCONF = "bench.urls"
INSTALLED_APPS = [*INSTALLED_APPS, "formtools", "bench.peer"]
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]
