"""What every part of the bulk data shares: the counts for each scale, progress lines, made-up
words, and writing rows in batches."""

import time

from django.db import connection

# `large`: the national-scale figures of issue 12; `small` is 1% of them.
LARGE = {
    "resources": 100_000,
    "case_studies": 10_000,
    "events": 2_000,
    "members": 20_000,
    "networks": 1_000,
    "threads": 10_000,
    "replies": 200_000,
    "responses": 50_000,
}
SCALES = {"large": 1.0, "small": 0.01}
BATCH = 2_000

# Everything the command makes is named with this prefix (slugs, usernames), so a second run
# can tell what is there and number what it adds after it.
PREFIX = "bulk-"

WORDS = ["network", "collaborative", "alliance", "partnership", "community", "system"]
# Prefix-free syllables, one per digit: every number gets a word of its own that no other page
# holds, for "rare word" searches (`rare_word(4521)` is "vadaren…").
SYLLABLES = ["ka", "lo", "mi", "ren", "tu", "vas", "zen", "qui", "bo", "dar"]


def counts_for(scale, factor=None):
    """The number of each kind of item for a scale; `factor` (tests) overrides the scale's."""
    factor = SCALES[scale] if factor is None else factor
    return {name: max(1, round(value * factor)) for name, value in LARGE.items()}


def rare_word(number):
    return "".join(SYLLABLES[int(digit)] for digit in str(number))


class Progress:
    """Prints a line per batch: what, how many of how many, and the rate so far."""

    def __init__(self, write):
        self.write = write
        self.timings = {}

    def start(self, what, total):
        self.what, self.total, self.done, self.started = what, total, 0, time.perf_counter()

    def add(self, count):
        self.done += count
        elapsed = time.perf_counter() - self.started
        rate = self.done / elapsed if elapsed else 0
        self.write(f"  {self.what}: {self.done:,}/{self.total:,} ({rate:,.0f}/s, {elapsed:.1f}s)")

    def finish(self):
        self.timings[self.what] = time.perf_counter() - self.started


def batches(items, size=BATCH):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def insert_rows(model, objects, fields=None):
    """INSERT the rows of `objects` into `model`'s own table only (no parent tables), for page
    types: Django's bulk_create refuses models that inherit from another concrete model.
    Values are prepared by each field, as a save would."""
    fields = fields or model._meta.local_concrete_fields
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        for batch in batches(objects, 1000):
            params = [
                field.get_db_prep_save(getattr(obj, field.attname), connection) for obj in batch for field in fields
            ]
            # Table and column names come from the model and are quoted; every value is a parameter.
            sql = f"INSERT INTO {table} ({columns}) VALUES {', '.join([row] * len(batch))}"  # noqa: S608  # nosec B608
            cursor.execute(sql, params)
