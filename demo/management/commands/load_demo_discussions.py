"""Load the demo discussions (demo/content/discussions.yaml). Safe to run again: spaces are found
by slug and threads by space and title, and only what is missing is created."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.builders.discussions import build_discussions


class Command(BaseCommand):
    help = "Create demo discussion spaces, threads, replies, reports and moderation actions."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even when DEBUG is False.")

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("Refusing to load demo discussions with DEBUG off. Use --force if you really mean it.")
        self.stdout.write(self.style.SUCCESS(build_discussions()))
