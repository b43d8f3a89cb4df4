"""Load the demo members and networks (demo/content/members.yaml and networks.yaml). Safe to run
again: it updates what it made before."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.builders.members import build_members


class Command(BaseCommand):
    help = "Create demo networks and members (password: in demo/content/site.yaml)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even when DEBUG is False.")

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to load demo members with DEBUG off: they all share a published password. "
                "Use --force if you really mean it."
            )
        people, networks = build_members()
        self.stdout.write(self.style.SUCCESS(f"Demo members: {people} people and {networks} networks are ready."))
