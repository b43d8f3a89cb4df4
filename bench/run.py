#!/usr/bin/env python
"""Page-speed benchmark: how much slower each library page is than a trivial view.

    .venv/bin/python bench/run.py            # or: make bench
    .venv/bin/python bench/run.py --rebuild  # throw the benchmark database away and build it again

Builds (once; later runs reuse it) a benchmark database of its own with the factories —
2,000 resources, 200 case studies, 200 events by default — then requests each page through
Django's test client, in process (no network traffic at all), round-robin for a number of
rounds, and reports for each page the median time per request, its ratio to the trivial view
(/healthz) measured in the same run, and the number of SQL queries it makes. Prints a table
and writes bench/results/latest.json. See bench/README.md.
"""

import argparse
import json
import os
import platform
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

import warnings  # noqa: E402

import django  # noqa: E402

# whitenoise warns that STATIC_ROOT (collectstatic's output) is missing: not needed here.
warnings.filterwarnings("ignore", message="No directory at", module="django.core.handlers.base")
django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models.signals import post_save  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

# Bump when the benchmark data changes, so an older benchmark database is rebuilt.
DATA_VERSION = 2
MARKER_SLUG = f"benchmark-data-v{DATA_VERSION}"

TOPICS = [
    "leadership",
    "governance",
    "evaluation",
    "population health",
    "workforce",
    "digital",
    "patient safety",
    "integrated care",
    "quality improvement",
    "health inequalities",
    "commissioning",
    "mental health",
]
WORDS = ["network", "collaborative", "alliance", "partnership", "community", "system"]


# --- the database ---------------------------------------------------------------------------


def ensure_database():
    """Create the PostgreSQL benchmark database if it does not exist (SQLite makes its file)."""
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        return
    import psycopg
    from psycopg import sql

    params = {"host": db.get("HOST") or None, "port": db.get("PORT") or None, "user": db.get("USER") or None}
    if db.get("PASSWORD"):
        params["password"] = db["PASSWORD"]
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]).fetchone()
        if not exists:
            print(f"Creating database {db['NAME']}")
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))


def drop_database():
    db = settings.DATABASES["default"]
    connection.close()
    if db["ENGINE"] == "django.db.backends.postgresql":
        import psycopg
        from psycopg import sql

        params = {"host": db.get("HOST") or None, "port": db.get("PORT") or None, "user": db.get("USER") or None}
        if db.get("PASSWORD"):
            params["password"] = db["PASSWORD"]
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(db["NAME"])))
    else:
        Path(db["NAME"]).unlink(missing_ok=True)


def describe_database():
    db = settings.DATABASES["default"]
    if db["ENGINE"] == "django.db.backends.postgresql":
        return f"PostgreSQL {db['NAME']} on {db.get('HOST') or 'local socket'}"
    return f"SQLite {Path(db['NAME']).relative_to(ROOT)}"


def built_counts():
    from casestudies.models import CaseStudyPage
    from events.models import EventPage
    from resources.models import ResourcePage
    from source4networks.models import StandardPage

    if not StandardPage.objects.filter(slug=MARKER_SLUG).exists():
        return None
    return {
        "resources": ResourcePage.objects.count(),
        "case_studies": CaseStudyPage.objects.count(),
        "events": EventPage.objects.count(),
    }


def has_pages():
    """Whether anything besides the migrations' pages (home and the library sections) exists."""
    from wagtail.models import Page

    return Page.objects.filter(depth__gt=3).exists() or Page.objects.filter(depth=3).count() > 3


# --- building the data ----------------------------------------------------------------------


class indexing_paused:
    """Saving a page indexes it for search and updates Wagtail's reference index (the admin's
    "usage" counts) straight away. Pause both while building: the search index is built
    once at the end (wagtail's update_index); the reference index, which public pages do
    not read, is left empty."""

    def __enter__(self):
        from modelsearch import index
        from modelsearch.signal_handlers import post_save_signal_handler
        from wagtail.signal_handlers import disable_reference_index_auto_update

        self.handler = post_save_signal_handler
        self.models = [model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)]
        for model in self.models:
            post_save.disconnect(self.handler, sender=model)
        self.references = disable_reference_index_auto_update()
        self.references.__enter__()

    def __exit__(self, *exc):
        self.references.__exit__(*exc)
        for model in self.models:
            post_save.connect(self.handler, sender=model)


def factories():
    """The project's page factories, without factory_boy's extra save after post-generation
    hooks (topics and sectors are added in bulk below)."""
    from casestudies.factories import CaseStudyPageFactory
    from events.factories import EventPageFactory
    from resources.factories import ResourcePageFactory

    def quiet(base):
        meta = type("Meta", (), {"skip_postgeneration_save": True})
        return type(f"Bench{base.__name__}", (base,), {"Meta": meta})

    return quiet(ResourcePageFactory), quiet(CaseStudyPageFactory), quiet(EventPageFactory)


def add_topics(through_model, pages, tags, per_page=2):
    rows = []
    for number, page in enumerate(pages):
        for offset in range(per_page):
            rows.append(through_model(content_object=page, tag=tags[(number + offset * 5) % len(tags)]))
    through_model.objects.bulk_create(rows)


def build(counts):
    from taggit.models import Tag

    from casestudies.models import CaseStudyIndexPage, CaseStudyPage, CaseStudyPageTopic
    from events.models import EventIndexPage, EventPage, EventPageTopic
    from resources.models import ResourceIndexPage, ResourcePage, ResourcePageTopic
    from source4networks.factories import StandardPageFactory
    from source4networks.models import Region, Sector
    from source4networks.taxonomy import NetworkType, ResourceType

    resource_factory, case_study_factory, event_factory = factories()
    sectors = list(Sector.objects.all())
    regions = list(Region.objects.all())
    tags = [Tag.objects.get_or_create(name=name, defaults={"slug": name.replace(" ", "-")})[0] for name in TOPICS]
    types = list(ResourceType.values)
    network_types = list(NetworkType.values)
    now = timezone.now().replace(second=0, microsecond=0)
    started = time.perf_counter()

    with indexing_paused(), transaction.atomic():
        parent = ResourceIndexPage.objects.get()
        # Giving each page its locale and slug spares Wagtail a look-up per page.
        locale = parent.locale
        resources = []
        for n in range(counts["resources"]):
            resource_type = types[n % len(types)]
            label = ResourceType(resource_type).label
            word = WORDS[n % len(WORDS)]
            resources.append(
                resource_factory(
                    parent=parent,
                    title=f"{label}: the {word} guide to {TOPICS[n % len(TOPICS)]}, number {n + 1}",
                    slug=f"resource-{n + 1}",
                    locale=locale,
                    summary=f"A {label.lower()} for leaders of a health and care {word}, number {n + 1}.",
                    resource_type=resource_type,
                    author=f"Author {n % 37}",
                    publication_date=date(2015, 1, 1) + timedelta(days=n),
                    body=[{"type": "rich_text", "value": f"<p>What this {word} resource covers.</p>"}],
                    featured=n % 250 == 0,
                    first_published_at=now - timedelta(hours=n),
                )
            )
            progress("resources", n + 1, counts["resources"], started)
        add_topics(ResourcePageTopic, resources, tags)
        ResourcePage.sectors.through.objects.bulk_create(
            ResourcePage.sectors.through(resourcepage=page, sector=sectors[number % len(sectors)])
            for number, page in enumerate(resources)
        )

        parent = CaseStudyIndexPage.objects.get()
        case_studies = []
        for n in range(counts["case_studies"]):
            case_studies.append(
                case_study_factory(
                    parent=parent,
                    title=f"How a {WORDS[n % len(WORDS)]} improved {TOPICS[n % len(TOPICS)]}, number {n + 1}",
                    slug=f"case-study-{n + 1}",
                    locale=locale,
                    region=regions[n % len(regions)],
                    network_type=network_types[n % len(network_types)],
                    first_published_at=now - timedelta(days=n),
                )
            )
            progress("case studies", n + 1, counts["case_studies"], started)
        add_topics(CaseStudyPageTopic, case_studies, tags)
        CaseStudyPage.sectors.through.objects.bulk_create(
            CaseStudyPage.sectors.through(casestudypage=page, sector=sectors[number % len(sectors)])
            for number, page in enumerate(case_studies)
        )

        parent = EventIndexPage.objects.get()
        events = []
        for n in range(counts["events"]):
            # Half upcoming, half past.
            start = now + timedelta(days=n // 2 + 1) if n % 2 else now - timedelta(days=n // 2 + 1)
            events.append(
                event_factory(
                    parent=parent,
                    title=f"{TOPICS[n % len(TOPICS)].capitalize()} {WORDS[n % len(WORDS)]} event, number {n + 1}",
                    slug=f"event-{n + 1}",
                    locale=locale,
                    start=start,
                    end=start + timedelta(hours=2),
                    attendance=EventPage.Attendance.ONLINE,
                )
            )
            progress("events", n + 1, counts["events"], started)
        add_topics(EventPageTopic, events, tags, per_page=1)

        StandardPageFactory(title="About the benchmark data", slug=MARKER_SLUG, show_in_menus=False)
    print(f"\rPages built in {time.perf_counter() - started:.1f}s; indexing them for search…", flush=True)
    indexing_started = time.perf_counter()
    call_command("update_index", verbosity=0)
    print(f"Search index built in {time.perf_counter() - indexing_started:.1f}s")


def progress(what, done, total, started):
    if done == total or done % 100 == 0:
        print(f"\r  {what}: {done}/{total} ({time.perf_counter() - started:.0f}s)", end="", flush=True)
        if done == total:
            print()


# --- measuring ------------------------------------------------------------------------------


def pages_to_measure():
    from resources.models import ResourcePage

    resources = ResourcePage.objects.live().order_by("pk")
    resource = resources[resources.count() // 2]
    return [
        ("trivial view", "/healthz"),
        ("home", "/"),
        ("resource library", "/resources/"),
        ("resource library, filtered, page 3", "/resources/?type=guide&page=3"),
        ("resource page", resource.url),
        ("case studies", "/case-studies/"),
        ("events", "/events/"),
        ("search", "/search/?q=network"),
    ]


def measure(pages, rounds, warmup):
    client = Client()
    timings = {url: [] for _name, url in pages}
    statuses, queries = {}, {}
    for _ in range(warmup):
        for _name, url in pages:
            client.get(url)
    for _name, url in pages:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        statuses[url] = response.status_code
        queries[url] = len(captured.captured_queries)
    # Round-robin, so a slow moment of the machine spreads over every page alike.
    for round_number in range(rounds):
        for _name, url in pages:
            started = time.perf_counter()
            client.get(url)
            timings[url].append(time.perf_counter() - started)
        print(f"\r  round {round_number + 1}/{rounds}", end="", flush=True)
    print()
    baseline = statistics.median(timings[pages[0][1]])
    results = []
    for name, url in pages:
        median = statistics.median(timings[url])
        results.append(
            {
                "name": name,
                "url": url,
                "status": statuses[url],
                "median_ms": round(median * 1000, 3),
                "ratio": round(median / baseline, 2),
                "queries": queries[url],
                "samples": len(timings[url]),
            }
        )
    return results


def print_table(results):
    header = f"{'page':<36} {'url':<34} {'status':>6} {'median ms':>10} {'× trivial':>10} {'queries':>8}"
    print(header)
    print("-" * len(header))
    for row in results:
        url = row["url"] if len(row["url"]) <= 34 else row["url"][:31] + "…"
        print(
            f"{row['name']:<36} {url:<34} {row['status']:>6} {row['median_ms']:>10.2f} "
            f"{row['ratio']:>10.2f} {row['queries']:>8}"
        )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rebuild", action="store_true", help="drop the benchmark database and build it again")
    parser.add_argument("--resources", type=int, default=2000)
    parser.add_argument("--case-studies", type=int, default=200)
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=30, help="timed requests per page (default 30)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed requests per page first (default 3)")
    parser.add_argument("--output", type=Path, default=BENCH_DIR / "results" / "latest.json")
    args = parser.parse_args(argv)
    counts = {"resources": args.resources, "case_studies": args.case_studies, "events": args.events}

    if args.rebuild:
        drop_database()
    ensure_database()
    print(f"Benchmark database: {describe_database()}")
    call_command("migrate", verbosity=0, interactive=False)
    existing = built_counts()
    if existing != counts:
        if has_pages():
            print(f"The benchmark database holds other data ({existing or 'an older version'}): rebuilding it.")
            drop_database()
            ensure_database()
            call_command("migrate", verbosity=0, interactive=False)
        print(f"Building {counts}")
        build(counts)
    else:
        print(f"Reusing the benchmark data: {existing}")

    pages = pages_to_measure()
    print(f"Measuring {len(pages)} pages, {args.rounds} rounds after {args.warmup} warm-up requests each")
    results = measure(pages, args.rounds, args.warmup)
    print_table(results)

    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": describe_database(),
        "vendor": connection.vendor,
        "counts": counts,
        "rounds": args.rounds,
        "warmup": args.warmup,
        "baseline": results[0]["url"],
        "python": platform.python_version(),
        "django": django.get_version(),
        "machine": platform.machine(),
        "pages": results,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n")
    print(f"Wrote {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}")
    failed = [row for row in results if row["status"] != 200]
    if failed:
        print("Pages that did not answer 200: " + ", ".join(f"{row['url']} ({row['status']})" for row in failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
