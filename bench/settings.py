"""Production settings plus the bench-only baseline views ("the ceiling")."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
