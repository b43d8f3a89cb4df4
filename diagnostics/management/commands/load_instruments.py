"""``manage.py load_instruments``: load the shipped instruments (section 6.5) that are missing.

A data migration does the same on every fresh site; this command is for a database that was
emptied since (tests, a flushed development database). Existing instruments are left alone.
"""

from django.core.management.base import BaseCommand

from diagnostics.importing import load_shipped_instruments


class Command(BaseCommand):
    help = "Load the instruments the project ships, if missing (idempotent)."

    def handle(self, *args, **options):
        results = load_shipped_instruments()
        for result in results:
            self.stdout.write(result.report())
        if not results:
            self.stdout.write("The shipped instruments are already loaded.")
