"""The admin's assessment list at scale: seed PostgreSQL, then time the list page.

    .venv/bin/python -m bench.admin_scale --rows 1000000 [--runs 7] [--indexes recommended]

Works on DATABASE_URL if it is PostgreSQL, otherwise on
postgres://postgres@127.0.0.1:5432/hireframe_scale (created if missing). It refuses a
database holding organisations it did not make, so it cannot fill a real one with fakes.

1. Seeds (with COPY, and only what is missing) `--rows` assessments across 2,000
   organisations and 5,000 users: three quarters complete with real plan snapshots from
   the engine, the rest drafts, 3 % of them guests'; created over three years, more of
   them recent. Then VACUUM ANALYZE, as autovacuum would.
2. Signs in as a superuser with Django's test Client (the full middleware stack, the real
   database) and requests the changelist unfiltered, with each filter, with searches and
   on a later page: one warm-up, then `--runs` timed requests; prints the median and the
   query count, and EXPLAIN (ANALYZE, BUFFERS) of the page's main query and its count.
3. Times what the admin deliberately does not do (a full COUNT, a date hierarchy).

`--indexes recommended` first adds the indexes docs/admin-scale.md recommends (`none`
drops them again), so the figures can be compared. Full plans go to
var/bench/admin_scale-<rows>[-indexes].txt.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import secrets
import statistics
import sys
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "var" / "bench"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/hireframe_scale"
ORGANISATIONS = 2_000
USERS = 5_000
BENCH_SLUG = "bench-org-"
SEED = 20_261_126
COPY_BATCH = 50_000

ORG_WORDS = (  # noqa: SIM905 - a word list reads best as words
    "Northwind Contoso Fabrikam Tailspin Wingtip Litware Proseware Adatum Lucerne Alpine "
    "Woodgrove Fourth Coffee Humongous Margie Trey Relecloud Wide World Blue Yonder Coho "
    "Graphic Southridge Datum VanArsdel Lamna Consolidated Liberty Boreal Meridian Harbour"
).split()
ORG_TRADES = (  # noqa: SIM905 - a word list reads best as words
    "Logistics Insurance Retail Health Energy Foods Travel Bank Media Software Motors "
    "Pharma Telecom Textiles Shipping Robotics Analytics Studios Holdings Partners"
).split()
FIRST_NAMES = (  # noqa: SIM905 - a word list reads best as words
    "amara ben chloe dev ella farid grace hugo ines jamal kai lena mateo nia omar priya "
    "quinn rosa sam tariq uma vik wen xavier yara zoe"
).split()
LAST_NAMES = (  # noqa: SIM905 - a word list reads best as words
    "adams bauer chen diaz evans fischer garcia hughes ito jones khan lopez morris nowak "
    "okafor patel quist rossi singh tanaka urban varga walsh xu young zhang"
).split()

# The indexes docs/admin-scale.md recommends for wizard.Assessment. The lead adds them to
# wizard/models.py; here they are made with Django's schema editor from the same
# definitions, so what is measured is exactly what is recommended.
RECOMMENDED_INDEXES: list[dict[str, Any]] = [
    {"fields": ["-created", "-id"], "name": "assessment_created"},
]


@dataclass
class Scenario:
    name: str
    query: dict[str, str]


def prepare_database() -> None:
    """Point Django at DATABASE_URL (PostgreSQL) or the scale database, migrate, and
    refuse to go on if it holds anything but bench data."""
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        database_url = DEFAULT_DATABASE_URL
    configure(database_url)

    from django.core.management import call_command

    print(f"Database: {redact(database_url)}")
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    refuse_real_data()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000, help="assessments to have")
    parser.add_argument("--runs", type=int, default=7, help="timed requests per scenario")
    parser.add_argument(
        "--indexes",
        choices=["unchanged", "recommended", "none"],
        default="unchanged",
        help="add (or drop) the recommended indexes first",
    )
    args = parser.parse_args()
    prepare_database()
    seed(args.rows)
    indexes = set_indexes(args.indexes)
    report = Report(args.rows, indexes)
    time_changelist(report, args.runs)
    time_what_the_admin_avoids(report, args.runs)
    report.save()


# --- Set-up ------------------------------------------------------------------------------


def redact(url: str) -> str:
    return re.sub(r"//([^:/@]+):[^@]+@", r"//\1:***@", url)


def configure(database_url: str) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=database_url,
        DEBUG="0",
        HTTPS="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="testserver",
        LOG_LEVEL="WARNING",
        STATIC_ROOT=str(RESULTS / "static"),  # unused, but whitenoise wants it to exist
    )
    (RESULTS / "static").mkdir(parents=True, exist_ok=True)
    ensure_database(database_url)
    import django

    django.setup()


def ensure_database(database_url: str) -> None:
    import dj_database_url
    import psycopg

    params = dj_database_url.parse(database_url)
    connect = {
        "host": params.get("HOST") or None,
        "port": params.get("PORT") or None,
        "user": params.get("USER") or None,
        "password": params.get("PASSWORD") or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **connect) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [params["NAME"]]
        ).fetchone()
        if not exists:
            print(f"Creating database {params['NAME']}")
            conn.execute(f'CREATE DATABASE "{params["NAME"]}"')


def refuse_real_data() -> None:
    from orgs.models import Organisation

    if Organisation.objects.exclude(slug__startswith=BENCH_SLUG).exists():
        sys.exit(
            "This database has organisations the benchmark did not create; refusing to add "
            "fake assessments to it. Point DATABASE_URL at a scratch database."
        )


# --- Seeding ----------------------------------------------------------------------------


def plan_variants() -> dict[str, list[dict[str, Any]]]:
    """Real plans from the engine for a spread of answers, grouped by stage."""
    from wizard.answers_draft import normalised, to_engine_answers
    from wizard.rules import make_plan, plan_to_dict
    from wizard.team_summary import team_summary

    path_pool = [
        {
            "name": "Churn prediction",
            "kind": "predictive",
            "annual_impact": 250_000,
            "labelled_examples": 50_000,
            "months_to_build": 4,
        },
        {"name": "Support replies", "kind": "generative"},
        {"name": "Invoice matching", "kind": "agentic", "annual_impact": 90_000},
        {
            "name": "Demand forecasting",
            "kind": "predictive",
            "annual_impact": 600_000,
            "labelled_examples": 400_000,
            "months_to_build": 6,
        },
        {"name": "Damage photos", "kind": "vision_audio", "labelled_examples": 5_000},
    ]
    maturities = [
        {"working_pilots": 0, "systems_in_production": 0},
        {"working_pilots": 2, "systems_in_production": 0},
        {"working_pilots": 3, "systems_in_production": 1},
        {"working_pilots": 4, "systems_in_production": 3, "optimising_at_scale": True},
    ]
    variants: dict[str, list[dict[str, Any]]] = {}
    for headcount in (8, 15, 35, 70, 150, 900, 4_000):
        for maturity in maturities:
            for size in (1, 2, 3):
                for start in (0, 2):
                    paths = [path_pool[(start + i) % len(path_pool)] for i in range(size)]
                    answers = normalised(
                        {
                            "organisation": {"headcount": headcount},
                            "maturity": maturity,
                            "critical_paths": paths,
                        }
                    )
                    plan = plan_to_dict(make_plan(to_engine_answers(answers)))
                    variants.setdefault(plan["stage"], []).append(
                        {
                            "answers": json.dumps(answers),
                            "plan": json.dumps(plan),
                            "level": plan["maturity"]["level"],
                            "stage": plan["stage"],
                            "summary": team_summary(plan["team"]),
                            "rules_version": plan["rules_version"],
                            "paths": json.dumps([f"About {p['name'].lower()}" for p in paths]),
                        }
                    )
    return variants


def seed(rows: int) -> None:
    from django.db import connection, transaction

    from wizard.models import Assessment

    existing = Assessment.objects.count()
    if existing > rows:
        print(f"Emptying {existing:,} assessments to seed {rows:,}")
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {Assessment._meta.db_table} CASCADE")
        existing = 0
    organisations, members = seed_people()
    missing = rows - existing
    if missing:
        started = time.perf_counter()
        rng = random.Random(SEED + existing)  # noqa: S311 - fake data, not secrets
        variants = plan_variants()
        with transaction.atomic():
            copy_assessments(missing, rng, organisations, members, variants)
        print(f"Seeded {missing:,} assessments in {time.perf_counter() - started:.0f} s")
    with connection.cursor() as cursor:
        for table in ("wizard_assessment", "orgs_organisation", "accounts_user", "orgs_membership"):
            cursor.execute(f"VACUUM ANALYZE {table}")


def seed_people() -> tuple[list[tuple[int, int, str]], dict[int, list[int]]]:
    """2,000 organisations and 5,000 users, each user a member of one organisation."""
    from django.contrib.auth.hashers import make_password

    from accounts.models import User
    from orgs.models import Membership, Organisation

    rng = random.Random(SEED)  # noqa: S311 - fake data, not secrets
    if not Organisation.objects.exists():
        started = time.perf_counter()
        orgs = []
        for n in range(ORGANISATIONS):
            headcount = int(
                rng.choice([rng.randint(3, 19), rng.randint(20, 99), rng.randint(100, 5_000)])
            )
            name = f"{rng.choice(ORG_WORDS)} {rng.choice(ORG_TRADES)} {n:04d}"
            orgs.append(Organisation(name=name, slug=f"{BENCH_SLUG}{n:04d}", headcount=headcount))
        Organisation.objects.bulk_create(orgs, batch_size=1_000)
        org_ids = list(Organisation.objects.order_by("id").values_list("id", flat=True))
        users = [
            User(
                email=f"{rng.choice(FIRST_NAMES)}.{rng.choice(LAST_NAMES)}.{n}@example.com",
                password=make_password(None),  # unusable: nobody signs in as these
            )
            for n in range(USERS)
        ]
        User.objects.bulk_create(users, batch_size=1_000)
        user_ids = list(
            User.objects.filter(email__endswith="@example.com")
            .order_by("id")
            .values_list("id", flat=True)
        )
        Membership.objects.bulk_create(
            [
                Membership(user_id=user_id, organisation_id=org_ids[i % len(org_ids)])
                for i, user_id in enumerate(user_ids)
            ],
            batch_size=1_000,
        )
        print(
            f"Seeded {ORGANISATIONS:,} organisations and {USERS:,} users "
            f"in {time.perf_counter() - started:.1f} s"
        )
    organisations = [
        (pk, headcount, stage_of(headcount))
        for pk, headcount in Organisation.objects.order_by("id").values_list("id", "headcount")
    ]
    members: dict[int, list[int]] = {}
    for user_id, org_id in Membership.objects.values_list("user_id", "organisation_id"):
        members.setdefault(org_id, []).append(user_id)
    return organisations, members


def stage_of(headcount: int) -> str:
    from wizard.rules.stage import stage_for

    return stage_for(headcount)


def copy_assessments(
    count: int,
    rng: random.Random,
    organisations: list[tuple[int, int, str]],
    members: dict[int, list[int]],
    variants: dict[str, list[dict[str, Any]]],
) -> None:
    """COPY `count` rows into the assessments table. Columns the benchmark does not know
    (added after it was written) get their model default."""
    from django.db import connection

    from wizard.answers_draft import blank_answers
    from wizard.models import Assessment

    now = datetime.now(UTC)
    three_years = timedelta(days=3 * 365).total_seconds()
    blank = {h: json.dumps(blank_answers(h)) for _, h, _ in organisations}
    blank[None] = json.dumps(blank_answers(None))
    fields = [f for f in Assessment._meta.concrete_fields if not f.primary_key]
    known = {
        "code", "organisation", "created_by", "title", "status", "answers",
        "path_descriptions", "furthest_step", "version", "plan", "rules_version",
        "maturity_level", "stage", "team_summary", "copied_from", "created", "updated",
        "completed",
    }  # fmt: skip
    defaults = {
        f.column: f.get_db_prep_save(f.get_default(), connection)
        for f in fields
        if f.name not in known
    }
    columns = [f.column for f in fields]
    sql = f"COPY {Assessment._meta.db_table} ({', '.join(columns)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for n in range(count):
            # More recent assessments than old ones, as an instance that grows.
            created = now - timedelta(seconds=three_years * rng.random() ** 1.6)
            updated = created + timedelta(minutes=rng.randint(1, 90))
            guest = rng.random() < 0.03
            row: dict[str, Any] = {
                "code": uuid.UUID(int=rng.getrandbits(128), version=4),
                "title": "",
                "version": rng.randint(1, 40),
                "copied_from_id": None,
                "created": created,
                "updated": updated,
                "path_descriptions": "[]",
                "plan": None,
                "rules_version": "",
                "maturity_level": None,
                "stage": "",
                "team_summary": "",
                "completed": None,
            }
            if guest:
                row.update(organisation_id=None, created_by_id=None, status="draft")
                row.update(answers=blank[None], furthest_step=rng.randint(1, 4))
            else:
                org_id, headcount, stage = organisations[rng.randrange(len(organisations))]
                row.update(organisation_id=org_id, created_by_id=rng.choice(members[org_id]))
                if rng.random() < 0.77:
                    variant = rng.choice(variants[stage])
                    row.update(
                        status="complete",
                        answers=variant["answers"],
                        path_descriptions=variant["paths"],
                        furthest_step=5,
                        plan=variant["plan"],
                        rules_version=variant["rules_version"],
                        maturity_level=variant["level"],
                        stage=variant["stage"],
                        team_summary=variant["summary"],
                        completed=updated,
                    )
                else:
                    row.update(
                        status="draft", answers=blank[headcount], furthest_step=rng.randint(1, 4)
                    )
            copy.write_row([row.get(column, defaults.get(column)) for column in columns])
            if n and n % COPY_BATCH == 0:
                print(f"  {n:,} rows", flush=True)


def set_indexes(choice: str) -> list[str]:
    """Add or drop the recommended indexes; return the names of those present.

    They are made under a bench_ name, so a later migration adding the real ones to this
    database does not collide with them; once wizard/models.py declares one, it is left
    to the migration."""
    from django.db import connection, models

    from wizard.models import Assessment

    declared = {index.name for index in Assessment._meta.indexes}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = %s", [Assessment._meta.db_table]
        )
        present = {name for (name,) in cursor.fetchall()}
    for definition in RECOMMENDED_INDEXES:
        if definition["name"] in declared:
            continue
        index = models.Index(fields=definition["fields"], name=f"bench_{definition['name']}")
        if choice == "recommended" and index.name not in present:
            started = time.perf_counter()
            with connection.schema_editor() as editor:
                editor.add_index(Assessment, index)
            print(f"Added index {index.name} in {time.perf_counter() - started:.1f} s")
            present.add(index.name)
        elif choice == "none" and index.name in present:
            with connection.schema_editor() as editor:
                editor.remove_index(Assessment, index)
            print(f"Dropped index {index.name}")
            present.discard(index.name)
    if choice != "unchanged":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {Assessment._meta.db_table}")
    return sorted(
        d["name"] for d in RECOMMENDED_INDEXES if {d["name"], f"bench_{d['name']}"} & present
    )


# --- Timing -----------------------------------------------------------------------------


class Report:
    def __init__(self, rows: int, indexes: list[str]) -> None:
        self.rows = rows
        self.indexes = indexes
        self.lines: list[str] = []
        suffix = "-indexes" if any(d["name"] in indexes for d in RECOMMENDED_INDEXES) else ""
        self.path = RESULTS / f"admin_scale-{rows}{suffix}.txt"

    def say(self, line: str = "") -> None:
        print(line, flush=True)
        self.lines.append(line)

    def detail(self, line: str) -> None:
        self.lines.append(line)

    def save(self) -> None:
        RESULTS.mkdir(parents=True, exist_ok=True)
        self.path.write_text("\n".join(self.lines) + "\n")
        print(f"\nFull plans: {self.path.relative_to(ROOT)}")


def scenarios(sample: dict[str, str]) -> list[Scenario]:
    from django.utils import timezone

    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    return [
        Scenario("unfiltered", {}),
        Scenario("status = complete", {"status__exact": "complete"}),
        Scenario("status = draft", {"status__exact": "draft"}),
        Scenario("maturity level = 4", {"maturity_level": "4"}),
        Scenario("stage = startup", {"stage": "startup"}),
        Scenario(
            "created: past 7 days",
            {
                "created__gte": str(today - timedelta(days=7)),
                "created__lt": str(today + timedelta(days=1)),
            },
        ),
        Scenario(
            "created: this year",
            {
                "created__gte": str(today.replace(month=1, day=1)),
                "created__lt": str(today.replace(year=today.year + 1, month=1, day=1)),
            },
        ),
        Scenario(
            "complete + level 1 + startup",
            {"status__exact": "complete", "maturity_level": "1", "stage": "startup"},
        ),
        Scenario("search: one organisation's name", {"q": sample["organisation"]}),
        Scenario("search: one creator's email", {"q": sample["email"]}),
        Scenario("search: a common word", {"q": sample["word"]}),
        Scenario("search: matches most organisations", {"q": "1"}),
        Scenario("search: an assessment's code", {"q": sample["code"]}),
        Scenario(f"page {sample['page']}", {"p": sample["page"]}),
        Scenario("oldest first", {"o": "8"}),  # column 8 is created; 0 is the checkbox
    ]


def time_changelist(report: Report, runs: int) -> None:
    from django.contrib.auth.hashers import make_password
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings
    from django.urls import reverse

    from accounts.models import User
    from orgs.models import Organisation
    from wizard.models import Assessment

    admin, _ = User.objects.get_or_create(
        email="bench-admin@hireframe.example",
        defaults={"is_staff": True, "is_superuser": True, "password": make_password(None)},
    )
    client = Client()
    client.force_login(admin)
    url = reverse("admin:wizard_assessment_changelist")
    busy = (
        Assessment.objects.filter(organisation__isnull=False)
        .order_by("-created")
        .values_list("organisation__name", "created_by__email", "code")
        .first()
    )
    if busy is None:
        sys.exit("No assessments to time.")
    word = Organisation.objects.order_by("id").values_list("name", flat=True).first().split()[1]
    total = Assessment.objects.count()
    sample = {
        "organisation": busy[0],
        "email": busy[1],
        "code": str(busy[2]),
        "word": word,
        "page": str(min(50, total // 100)),
    }
    report.say(
        f"\nAdmin changelist, {total:,} assessments, indexes added: {report.indexes or 'none'}"
    )
    report.say(
        f"{'scenario':34} {'median ms':>9} {'min ms':>7} {'queries':>7}  "
        f"{'SQL ms (EXPLAIN)':>15}  shown"
    )
    # No manifest: the benchmark does not run collectstatic.
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        for scenario in scenarios(sample):
            response = client.get(url, scenario.query)  # warm-up
            assert response.status_code == 200, (scenario.name, response.status_code)
            timings = []
            for _ in range(runs):
                started = time.perf_counter()
                response = client.get(url, scenario.query)
                timings.append((time.perf_counter() - started) * 1000)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url, scenario.query)
            shown = shown_count(response.content.decode())
            database_ms = " + ".join(
                f"{ms:.1f}" for ms in explain(report, scenario, captured.captured_queries)
            )
            report.say(
                f"{scenario.name:34} {statistics.median(timings):9.1f} {min(timings):7.1f} "
                f"{len(captured):7d}  {database_ms:>15}  {shown}"
            )


def shown_count(html: str) -> str:
    """What the page says about the number of rows: "About 1,000,000 assessments"."""
    nav = re.search(r'<nav class="paginator".*?</nav>', html, re.S)
    text = " ".join(re.sub(r"<[^>]+>", " ", nav.group(0) if nav else "").split())
    match = re.search(r"(?:About |More than )?[\d,]+ assessments?", text)
    return match.group(0) if match else "?"


def explain(report: Report, scenario: Scenario, queries: list[dict[str, str]]) -> list[float]:
    """EXPLAIN ANALYZE the page's queries on the assessments table (the count, if any,
    then the page); the full plans go to the report file, the execution times back."""
    from django.db import connection

    interesting = [q["sql"] for q in queries if 'FROM "wizard_assessment"' in q["sql"]]
    report.detail(f"\n=== {scenario.name} {scenario.query}")
    times = []
    for sql in interesting:
        report.detail(f"\n{sql}\n")
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
            plan = [row[0] for row in cursor.fetchall()]
        report.detail("\n".join(plan))
        found = re.search(r"Execution Time: ([\d.]+) ms", plan[-1])
        times.append(float(found.group(1)) if found else float("nan"))
    return times


def time_what_the_admin_avoids(report: Report, runs: int) -> None:
    """What a plain ModelAdmin would run on every page view, for comparison."""
    from django.db import connection
    from django.db.models import Max, Min

    from wizard.admin import assessment_csv_lines
    from wizard.models import Assessment

    def median_ms(action: Any) -> float:
        action()
        timings = []
        for _ in range(max(3, runs // 2)):
            started = time.perf_counter()
            action()
            timings.append((time.perf_counter() - started) * 1000)
        return statistics.median(timings)

    avoided = [
        ("a full COUNT(*) for the paginator", Assessment.objects.count),
        ("COUNT(*) of status = complete", Assessment.objects.filter(status="complete").count),
        (
            "date hierarchy: first and last date",
            lambda: Assessment.objects.aggregate(Min("created"), Max("created")),
        ),
        (
            "date hierarchy: the list of years",
            lambda: list(Assessment.objects.datetimes("created", "year")),
        ),
        (
            "a filter listing values (DISTINCT)",
            lambda: list(Assessment.objects.order_by().values_list("stage", flat=True).distinct()),
        ),
    ]
    report.say("\nWhat the admin deliberately does not run (median ms):")
    for label, action in avoided:
        report.say(f"  {label:38} {median_ms(action):9.1f}")

    queryset = Assessment.objects.filter(stage="startup", maturity_level=1)
    started = time.perf_counter()
    exported = sum(1 for _ in assessment_csv_lines(queryset)) - 1  # less the header
    seconds = time.perf_counter() - started
    report.say(
        f"\nCSV export (streamed) of stage = startup and level 1: {exported:,} rows in "
        f"{seconds:.1f} s, {exported / max(seconds, 1e-9):,.0f} rows/s"
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_total_relation_size('wizard_assessment'))")
        report.say(f"Assessments table with its indexes and TOAST: {cursor.fetchone()[0]}")


if __name__ == "__main__":
    main()
