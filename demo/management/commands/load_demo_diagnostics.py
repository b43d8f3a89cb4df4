"""``manage.py load_demo_diagnostics``: demo members with individual diagnostic results
(demo/content/diagnostics.yaml).

Idempotent. Refuses to run when DEBUG is False (a production site) unless given --force.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.builders.diagnostics import build_results, result_usernames


class Command(BaseCommand):
    help = "Add demo members with diagnostic results (idempotent; needs DEBUG or --force)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="run even though DEBUG is False")

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError("DEBUG is False, so this may be a live site: refusing to add demo content. Use --force.")
        created = build_results()
        self.stdout.write(f"Created {created} demo results for {', '.join(result_usernames())}.")
