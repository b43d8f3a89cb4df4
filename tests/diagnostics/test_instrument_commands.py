"""Instruments in the database: the shipped ones loaded by migration, import_instrument,
export_instrument and load_instruments (sections 6.4 and 6.5), versioning."""

import json
import tempfile
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import TestCase

from diagnostics.factories import SurveyJSONFactory
from diagnostics.importing import load_shipped_instruments
from diagnostics.instrument_format import dumps_instrument, parse_instrument, shipped_instrument_paths
from diagnostics.models import Instrument, InstrumentVersion


def canonical(data: dict) -> str:
    return dumps_instrument(parse_instrument(data))


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


class ShippedInstrumentsTests(TestCase):
    def test_the_migration_loads_the_three_shipped_instruments_published(self):
        slugs = set(Instrument.objects.published().values_list("slug", flat=True))
        self.assertEqual(slugs, {"network-health-check", "network-health-scorecard", "network-maturity-matrix"})
        for instrument in Instrument.objects.all():
            self.assertEqual(instrument.current_version.number, 1)
            self.assertIsNotNone(instrument.current_version.published_at)

    def test_export_gives_back_each_shipped_file_exactly(self):
        for path in shipped_instrument_paths():
            slug = json.loads(path.read_text())["slug"]
            self.assertEqual(run("export_instrument", slug), path.read_text(encoding="utf-8"))

    def test_loading_again_changes_nothing(self):
        before = InstrumentVersion.objects.count()
        self.assertEqual(load_shipped_instruments(), [])
        self.assertIn("already loaded", run("load_instruments"))
        self.assertEqual(InstrumentVersion.objects.count(), before)

    def test_load_instruments_puts_back_a_missing_one(self):
        Instrument.objects.filter(slug="network-health-scorecard").delete()
        self.assertIn("Created network-health-scorecard", run("load_instruments"))
        self.assertTrue(Instrument.objects.get(slug="network-health-scorecard").is_published)

    def test_administrators_manage_instruments_and_editors_edit_them(self):
        administrators = set(Group.objects.get(name="Administrators").permissions.values_list("codename", flat=True))
        self.assertTrue(
            {"add_instrument", "change_instrument", "delete_instrument", "view_instrument"} <= administrators
        )
        # PRODUCT.md section 6: editors and administrators create and edit instruments; only
        # administrators delete one.
        editors = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
        self.assertTrue({"add_instrument", "change_instrument", "view_instrument"} <= editors)
        self.assertNotIn("delete_instrument", editors)


class ImportExportTests(TestCase):
    def write(self, text: str) -> str:
        directory = tempfile.TemporaryDirectory()
        self.addCleanup(directory.cleanup)
        path = Path(directory.name) / "instrument.json"
        path.write_text(text, encoding="utf-8")
        return str(path)

    def test_round_trip_export_import_as_a_new_slug_export(self):
        exported = run("export_instrument", "network-health-check")
        data = json.loads(exported)
        data["slug"] = "health-check-copy"
        report = run("import_instrument", self.write(json.dumps(data, indent=2, ensure_ascii=False)))
        self.assertIn("Created health-check-copy (version 1)", report)
        again = run("export_instrument", "health-check-copy")
        self.assertEqual(again, exported.replace('"slug": "network-health-check"', '"slug": "health-check-copy"', 1))
        copy = Instrument.objects.get(slug="health-check-copy")
        self.assertFalse(copy.is_published)  # a new instrument waits to be published

    def test_importing_a_changed_file_adds_a_version_and_reports_the_changes(self):
        data = json.loads(run("export_instrument", "network-health-check"))
        data["dimensions"][0]["items"][0]["text"] = "Members can say why the network exists."
        data["dimensions"][1]["items"].append({"key": "needs-new", "text": "A new statement.", "reverse": False})
        report = run("import_instrument", self.write(json.dumps(data)))
        self.assertEqual(
            report.splitlines(),
            [
                "Updated network-health-check: version 2 created.",
                "- dimension purpose: statement purpose-1 reworded",
                "- dimension member-needs: statement needs-new added",
            ],
        )
        instrument = Instrument.objects.get(slug="network-health-check")
        self.assertEqual(instrument.current_version.number, 2)
        self.assertTrue(instrument.is_published)
        self.assertIsNotNone(instrument.current_version.published_at)
        self.assertEqual(instrument.versions.count(), 2)
        old = instrument.versions.get(number=1)
        self.assertIn("Members could explain", old.definition)  # the old version is kept as it was

    def test_importing_the_same_file_again_changes_nothing(self):
        path = str(shipped_instrument_paths()[0])
        self.assertIn("No changes", run("import_instrument", path))
        self.assertEqual(InstrumentVersion.objects.filter(instrument__slug="network-health-check").count(), 1)

    def test_publish_and_unpublish_options(self):
        data = SurveyJSONFactory()
        path = self.write(canonical(data))
        run("import_instrument", path, "--publish")
        self.assertTrue(Instrument.objects.get(slug="test-survey").is_published)
        run("import_instrument", path, "--unpublish")
        self.assertFalse(Instrument.objects.get(slug="test-survey").is_published)

    def test_a_bad_file_is_refused_naming_the_first_problem_and_nothing_is_saved(self):
        data = json.loads(run("export_instrument", "network-health-check"))
        data["title"] = "A new title"
        data["dimensions"][2]["items"][1]["reverse"] = "yes"
        data["dimensions"][3]["items"][0]["key"] = "bad key"
        path = self.write(json.dumps(data))
        with self.assertRaisesMessage(CommandError, "dimensions[2].items[1].reverse: must be true or false"):
            run("import_instrument", path)
        instrument = Instrument.objects.get(slug="network-health-check")
        self.assertEqual(instrument.title, "Network health check")
        self.assertEqual(instrument.versions.count(), 1)

    def test_not_json_is_refused(self):
        with self.assertRaisesMessage(CommandError, "not valid JSON"):
            run("import_instrument", self.write("{nope"))
        self.assertEqual(Instrument.objects.count(), 3)

    def test_an_instrument_cannot_change_kind_and_nothing_is_saved(self):
        matrix = json.loads(run("export_instrument", "network-maturity-matrix"))
        survey = json.loads(run("export_instrument", "network-health-check"))
        survey["slug"] = "network-maturity-matrix"
        with self.assertRaisesMessage(CommandError, "cannot change kind"):
            run("import_instrument", self.write(json.dumps(survey)))
        instrument = Instrument.objects.get(slug="network-maturity-matrix")
        self.assertEqual((instrument.kind, instrument.title), ("matrix", matrix["title"]))
        self.assertEqual(instrument.versions.count(), 1)

    def test_a_missing_file_or_unknown_slug_is_a_clear_error(self):
        with self.assertRaisesMessage(CommandError, "cannot read the file"):
            run("import_instrument", "/nonexistent/instrument.json")
        with self.assertRaisesMessage(CommandError, "No instrument with the slug 'nope'"):
            run("export_instrument", "nope")

    def test_export_an_earlier_version(self):
        first = run("export_instrument", "network-health-check")
        data = json.loads(first)
        data["title"] = "Network health check 2"
        run("import_instrument", self.write(json.dumps(data)))
        self.assertEqual(run("export_instrument", "network-health-check", "--version-number", "1"), first)
        self.assertIn("Network health check 2", run("export_instrument", "network-health-check"))


@pytest.mark.django_db
def test_failure_half_way_through_saving_leaves_nothing(monkeypatch):
    """The save is one transaction: an error after the instrument row is written undoes it."""
    from diagnostics import importing

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(InstrumentVersion.objects, "create", broken)
    with pytest.raises(RuntimeError):
        importing.import_instrument_text(canonical(SurveyJSONFactory()))
    assert not Instrument.objects.filter(slug="test-survey").exists()
