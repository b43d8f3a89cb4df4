"""``manage.py load_demo_rounds``: demo network rounds and a maturity matrix session
(demo/content/rounds.yaml), and anonymous benchmarking (demo/content/benchmarking.yaml).

Uses the demo networks and members (``load_demo_members``, run first if they are missing).
Idempotent. Refuses to run when DEBUG is False (a production site) unless given --force.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from community.networks.models import Network
from demo.builders.benchmarking import benchmark_networks, build_benchmarking
from demo.builders.diagnostics import build_rounds, round_networks


class Command(BaseCommand):
    help = "Add demo network rounds and a matrix session (idempotent; needs DEBUG or --force)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="run even though DEBUG is False")

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError("DEBUG is False, so this may be a live site: refusing to add demo content. Use --force.")
        networks = sorted(set(round_networks()) | set(benchmark_networks()))
        if Network.objects.filter(slug__in=networks).count() < len(networks):
            call_command("load_demo_members", force=True, stdout=self.stdout)
        rounds, sessions = build_rounds()
        opted, compared = build_benchmarking()
        # One line: load_demo_content's summary stays short.
        self.stdout.write(
            f"Created {rounds} demo network rounds and {sessions} maturity matrix session(s); "
            f"benchmarking: {opted} network(s) opted in, {compared} closed paper round(s) to compare with."
        )
