"""``manage.py export_instrument SLUG`` (section 6.4): print the current version's Instrument JSON."""

from django.core.management.base import BaseCommand, CommandError

from diagnostics.importing import export_instrument_text
from diagnostics.models import Instrument, InstrumentVersion


class Command(BaseCommand):
    help = "Print an instrument's Instrument JSON (its current version, or --version N)."

    def add_arguments(self, parser):
        parser.add_argument("slug", metavar="SLUG")
        parser.add_argument("--version-number", type=int, dest="number", help="export this version instead")

    def handle(self, *args, **options):
        instrument = Instrument.objects.select_related("current_version").filter(slug=options["slug"]).first()
        if instrument is None:
            raise CommandError(f"No instrument with the slug {options['slug']!r}.")
        if options["number"]:
            version = InstrumentVersion.objects.filter(instrument=instrument, number=options["number"]).first()
            if version is None:
                raise CommandError(f"{instrument.slug} has no version {options['number']}.")
            text = version.definition
        else:
            text = export_instrument_text(instrument)
        # The stored text already ends with a newline.
        self.stdout.write(text, ending="")
