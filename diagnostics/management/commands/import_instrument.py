"""``manage.py import_instrument FILE`` (section 6.4): create an instrument, or add a version.

The file is validated first; a bad file is refused with a message naming its first problem,
and nothing is saved (the save is one transaction).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from diagnostics.importing import import_instrument_text
from diagnostics.instrument_format import InstrumentError


class Command(BaseCommand):
    help = "Import Instrument JSON: create the instrument, or save a new version of the one with its slug."

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="an Instrument JSON file")
        status = parser.add_mutually_exclusive_group()
        status.add_argument("--publish", action="store_true", help="publish the instrument")
        status.add_argument("--unpublish", action="store_true", help="withdraw the instrument from the site")

    def handle(self, *args, **options):
        path = options["file"]
        try:
            text = Path(path).read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: cannot read the file: {error.strerror or error}") from None
        publish = True if options["publish"] else False if options["unpublish"] else None
        try:
            result = import_instrument_text(text, publish=publish)
        except InstrumentError as error:
            raise CommandError(f"{path}: {error}") from None
        self.stdout.write(result.report())
