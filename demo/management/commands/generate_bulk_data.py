"""`manage.py generate_bulk_data --scale small|large`: national-scale data for measuring speed
(bench/README.md). `large` is 100,000 resources, 10,000 case studies, 2,000 events, 20,000
members, 1,000 networks, 10,000 threads with 200,000 replies and 50,000 diagnostic responses;
`small` is 1% of that. Runs on an empty site or on top of the demo content.

Everything it makes is named with the prefix "bulk-" (slugs, usernames). A second run refuses
unless `--add` is given; then it adds another set, numbered after the first. Pages are written
in batches (demo/bulk/pages.py explains how the page tree is kept right), then added to the
search index with the search backend's bulk API (demo/bulk/search.py, in two processes); a
line per batch reports progress and rate."""

import argparse
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from casestudies.models import CaseStudyPage
from community.discussions.models import Post, Space, Thread
from community.networks.models import Network
from demo.bulk import search
from demo.bulk.common import PREFIX, SCALES, Progress, counts_for
from demo.bulk.community import CommunityMaker
from demo.bulk.pages import PageMaker
from diagnostics.models import Response
from events.models import EventPage
from resources.models import ResourcePage


def existing():
    """How much bulk data an earlier run left, by kind (the numbering of what is added next)."""
    return {
        "resources": ResourcePage.objects.filter(slug__startswith=PREFIX).count(),
        "case studies": CaseStudyPage.objects.filter(slug__startswith=PREFIX).count(),
        "events": EventPage.objects.filter(slug__startswith=PREFIX).count(),
        "members": get_user_model().objects.filter(username__startswith=PREFIX).count(),
        "networks": Network.objects.filter(slug__startswith=PREFIX).count(),
        "spaces": Space.objects.filter(slug__startswith=PREFIX).count(),
        "threads": Thread.objects.filter(space__slug__startswith=PREFIX).count(),
        "responses": Response.objects.filter(user__username__startswith=PREFIX).count(),
    }


class Command(BaseCommand):
    help = "Add national-scale bulk data (resources, case studies, events, members, networks, threads, results)."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES), required=True, help="large, or small (1%% of large)")
        parser.add_argument("--add", action="store_true", help="Add another set when bulk data is already there.")
        parser.add_argument("--no-index", action="store_true", help="Leave the search index alone.")
        parser.add_argument("--jobs", type=int, default=2, help="Processes that fill the search index (default 2).")
        # For tests: a fraction of `large` other than the scale's (e.g. 0.001).
        parser.add_argument("--factor", type=float, help=argparse.SUPPRESS)

    def handle(self, *args, scale, add=False, no_index=False, jobs=2, factor=None, **options):
        offsets = existing()
        if any(offsets.values()) and not add:
            found = ", ".join(f"{count:,} {kind}" for kind, count in offsets.items() if count)
            raise CommandError(f"Bulk data is already here ({found}). Use --add to add another set after it.")
        counts = counts_for(scale, factor)
        self.stdout.write("Generating " + ", ".join(f"{count:,} {kind}" for kind, count in counts.items()))
        started = time.perf_counter()
        progress = Progress(self.stdout.write)

        pages = PageMaker(progress, offsets)  # also makes the demo's topics if the site has none
        community = CommunityMaker(progress, offsets)
        community.members(counts["members"])
        community.networks(counts["networks"], pages.tags)
        community.memberships()
        pages.resources(counts["resources"])
        pages.case_studies(counts["case_studies"], community.network_ids)
        pages.events(counts["events"])
        community.threads(counts["threads"], counts["replies"])
        community.responses(counts["responses"])
        built = time.perf_counter() - started

        indexed = 0.0
        if not no_index:
            index_started = time.perf_counter()
            search.index(
                progress,
                {
                    ResourcePage: pages.made["resources"],
                    CaseStudyPage: pages.made["case studies"],
                    EventPage: pages.made["events"],
                    Network: community.network_ids,
                    Thread: community.thread_ids,
                    Post: community.reply_ids,  # replies are found on their own
                },
                jobs=jobs,
            )
            indexed = time.perf_counter() - index_started
        # The planner's statistics, as autovacuum would gather them some minutes later: without
        # them PostgreSQL plans for the empty tables it last saw (a query on the latest threads
        # took 70 ms instead of 0.4 ms straight after a `large` run).
        analyze_started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        analyzed = time.perf_counter() - analyze_started
        self.stdout.write(
            f"Done in {time.perf_counter() - started:.1f}s: data {built:.1f}s, search index {indexed:.1f}s, "
            f"statistics {analyzed:.1f}s."
        )
        for what, seconds in progress.timings.items():
            self.stdout.write(f"  {what}: {seconds:.1f}s")
