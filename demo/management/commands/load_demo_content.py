"""`manage.py load_demo_content`: fill a development site with the demo content in demo/content/,
built with the project's factories, then run the other demo commands (members, discussions,
diagnostic results and network rounds).

Running it again creates nothing twice: pages are looked up by slug under their section and
accounts by username, and whatever already exists is left as it is. `--if-empty` loads nothing
when the site already has resources (`make run` uses it). Because it creates accounts with a
published password, it refuses to run unless DEBUG is on or `--force` is given."""

import logging
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.builders.pages import PageBuilder
from demo.loader import demo_password
from resources.models import ResourcePage


class Command(BaseCommand):
    help = (
        "Load the demo content (standard pages, resources, case studies, events and demo accounts) into a "
        "development site. Safe to run again: nothing is created twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="Do nothing if the site already has any resources.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off. The demo accounts have a published password: never use "
            "this on a live site.",
        )

    def handle(self, *args, if_empty=False, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Demo content is for development only: it creates accounts with a published password. "
                "DEBUG is off, so nothing was loaded. Use --force if you are sure this is not a live site."
            )
        if if_empty and ResourcePage.objects.exists():
            self.stdout.write("The site already has resources, so no demo content was loaded.")
            return
        started = time.perf_counter()
        # Wagtail logs every page it creates; the summary below says it more briefly.
        wagtail_logger = logging.getLogger("wagtail")
        level = wagtail_logger.level
        wagtail_logger.setLevel(logging.WARNING)
        try:
            with transaction.atomic():
                tally = PageBuilder().build()
        finally:
            wagtail_logger.setLevel(level)
        self.stdout.write(f"Demo content loaded in {time.perf_counter() - started:.1f}s:")
        for line in tally.lines():
            self.stdout.write(line)
        # Members, networks, discussions, diagnostic results and network rounds have their own
        # commands (idempotent too).
        call_command("load_demo_members", force=True, stdout=self.stdout)
        call_command("load_demo_discussions", force=True, stdout=self.stdout)
        call_command("load_demo_diagnostics", force=True, stdout=self.stdout)
        call_command("load_demo_rounds", force=True, stdout=self.stdout)
        self.stdout.write(
            "Demo accounts: editor, moderator and admin (emails @example.org), password "
            f"{demo_password()!r}. Sign in at /admin/."
        )
