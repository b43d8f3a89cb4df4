"""``manage.py score_responses INSTRUMENT.json RESPONSES.csv [--aggregate]`` (section 6.4).

Offline scoring: reads an Instrument JSON file and a Responses CSV, prints the scores CSV (or, with
``--aggregate``, the network aggregate CSV) to standard output. It never touches the database, so
it runs without one (no system checks, no migrations check).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from diagnostics.instrument_format import InstrumentError, loads_instrument
from diagnostics.responses_csv import ResponsesCSVError, parse_responses, score_responses


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise CommandError(f"{path}: cannot read the file: {error.strerror or error}") from None


class Command(BaseCommand):
    help = "Score a Responses CSV against an Instrument JSON file and print CSV; writes nothing to the database."

    # System checks can query the database (and need it configured); this command must not.
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("instrument", metavar="INSTRUMENT.json", help="an Instrument JSON file")
        parser.add_argument("responses", metavar="RESPONSES.csv", help="a Responses CSV file")
        parser.add_argument(
            "--aggregate",
            action="store_true",
            help="print dimension,n,mean,min,max,sd,band instead of a row per respondent per dimension",
        )

    def handle(self, *args, **options):
        instrument_path, responses_path = options["instrument"], options["responses"]
        try:
            instrument = loads_instrument(_read(instrument_path))
        except InstrumentError as error:
            raise CommandError(f"{instrument_path}: {error}") from None
        if instrument.kind != "survey":
            raise CommandError(f"{instrument_path}: {instrument.slug} is a {instrument.kind}; only surveys are scored")
        try:
            responses = parse_responses(_read(responses_path), instrument)
        except ResponsesCSVError as error:
            raise CommandError(f"{responses_path}: {error}") from None
        # ending="" because the CSV already ends each row with "\n".
        self.stdout.write(score_responses(instrument, responses, aggregated=options["aggregate"]), ending="")
