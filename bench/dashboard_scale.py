"""The organisation dashboard and the admin list at 1,000 and at 1,000,000 assessments.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hireframe_scale_1k \\
        .venv/bin/python -m bench.dashboard_scale --rows 1000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hireframe_scale \\
        .venv/bin/python -m bench.dashboard_scale --rows 1000000

Seeds with bench/admin_scale.py (same database, same refusal to touch real data; a
database that already holds `--rows` assessments is reused as it is), then makes one
organisation busy: `bench-org-busy` gets every tenth organisation's assessment (10 % of the
table; 100,000 at a million rows). The quiet organisation is the one with the fewest
assessments. A member of both, signed in with Django's test Client (the full middleware
stack, the real database), requests `/o/<slug>/` (first page, page 50 of the busy one)
and the admin changelist: a warm-up, then `--runs` timed requests; median and fastest,
the query count, and EXPLAIN (ANALYZE, BUFFERS) execution time of the assessment queries.
Plans go to var/bench/dashboard_scale-<rows>.txt, figures to dashboard_scale-<rows>.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from typing import Any

from bench.admin_scale import (
    BENCH_SLUG,
    RESULTS,
    Report,
    Scenario,
    explain,
    prepare_database,
    seed,
)

BUSY_SLUG = f"{BENCH_SLUG}busy"
USER_EMAIL = "bench-dashboard@hireframe.example"


def make_busy_organisation() -> tuple[str, str]:
    """The busy organisation (10 % of the assessments) and the quietest one, by slug."""
    from django.db import connection
    from django.db.models import Count

    from orgs.models import Organisation

    busy, created = Organisation.objects.get_or_create(
        slug=BUSY_SLUG, defaults={"name": "Busy Benchmark Holdings", "headcount": 900}
    )
    if created or not busy.assessments.exists():
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE wizard_assessment SET organisation_id = %s "
                "WHERE organisation_id IS NOT NULL AND id %% 10 = 0",
                [busy.pk],
            )
            moved = cursor.rowcount
            cursor.execute("VACUUM ANALYZE wizard_assessment")
        print(
            f"Moved {moved:,} assessments to {BUSY_SLUG} in {time.perf_counter() - started:.0f} s"
        )
    quiet = (
        Organisation.objects.exclude(pk=busy.pk)
        .annotate(n=Count("assessments"))
        .filter(n__gt=0)
        .order_by("n", "pk")
        .first()
    )
    return busy.slug, quiet.slug


def member_of(slugs: list[str]) -> Any:
    from django.contrib.auth.hashers import make_password

    from accounts.models import User
    from orgs.models import Membership, Organisation

    user, _ = User.objects.get_or_create(
        email=USER_EMAIL,
        defaults={"is_staff": True, "is_superuser": True, "password": make_password(None)},
    )
    for organisation in Organisation.objects.filter(slug__in=slugs):
        Membership.objects.get_or_create(
            user=user, organisation=organisation, defaults={"role": Membership.Role.OWNER}
        )
    return user


def time_pages(report: Report, runs: int, busy: str, quiet: str) -> list[dict[str, Any]]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings
    from django.urls import reverse

    from orgs.models import Organisation
    from wizard.models import Assessment

    client = Client()
    client.force_login(member_of([busy, quiet]))
    counts = {
        slug: Assessment.objects.filter(organisation__slug=slug).count() for slug in (busy, quiet)
    }
    busy_name = Organisation.objects.get(slug=busy).name
    admin = reverse("admin:wizard_assessment_changelist")
    pages = [
        (f"dashboard, busy org ({counts[busy]:,})", reverse("organisation", args=[busy]), {}),
        (
            f"dashboard, busy org, page {min(50, counts[busy] // 20)}",
            reverse("organisation", args=[busy]),
            {"page": str(min(50, counts[busy] // 20))},
        ),
        (f"dashboard, quiet org ({counts[quiet]:,})", reverse("organisation", args=[quiet]), {}),
        ("admin changelist, unfiltered", admin, {}),
        ("admin changelist, status = draft", admin, {"status__exact": "draft"}),
        ("admin changelist, search: busy org", admin, {"q": busy_name}),
    ]
    total = Assessment.objects.count()
    report.say(f"\n{total:,} assessments; busy org {counts[busy]:,}, quiet org {counts[quiet]:,}")
    report.say(f"{'page':40} {'median ms':>9} {'min ms':>7} {'queries':>7}  SQL ms (EXPLAIN)")
    storages = {  # no collectstatic here, so no manifest
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    figures = []
    with override_settings(STORAGES=storages):
        for name, url, query in pages:
            response = client.get(url, query)  # warm-up
            assert response.status_code == 200, (name, response.status_code)
            timings = []
            for _ in range(runs):
                started = time.perf_counter()
                client.get(url, query)
                timings.append((time.perf_counter() - started) * 1000)
            with CaptureQueriesContext(connection) as captured:
                client.get(url, query)
            sql = explain(report, Scenario(name, query), captured.captured_queries)
            figure = {
                "page": name,
                "median_ms": round(statistics.median(timings), 1),
                "min_ms": round(min(timings), 1),
                "queries": len(captured),
                "sql_ms": [round(ms, 1) for ms in sql],
            }
            figures.append(figure)
            report.say(
                f"{name:40} {figure['median_ms']:9.1f} {figure['min_ms']:7.1f} "
                f"{figure['queries']:7d}  {' + '.join(f'{ms:.1f}' for ms in sql)}"
            )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000, help="assessments to have")
    parser.add_argument("--runs", type=int, default=7, help="timed requests per page")
    args = parser.parse_args()
    prepare_database()
    seed(args.rows)
    busy, quiet = make_busy_organisation()
    report = Report(args.rows, [])
    report.path = RESULTS / f"dashboard_scale-{args.rows}.txt"
    figures = time_pages(report, args.runs, busy, quiet)
    report.save()
    (RESULTS / f"dashboard_scale-{args.rows}.json").write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
