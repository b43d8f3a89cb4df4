"""Instruments in the Wagtail admin: who may do what, the structured form (dimensions,
statements, levels, bands, scale, guidance, topics), versions, publishing, errors beside the
field with nothing saved, and the JSON import and export."""

import copy
import json
from html import unescape

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.utils.html import escape

from diagnostics.factories import SurveyJSONFactory
from diagnostics.instrument_format import dumps_instrument, parse_instrument
from diagnostics.models import Instrument, InstrumentVersion, Response
from source4networks.factories import UserFactory

from .helpers import MATRIX, SCORECARD, instrument_form_data, instrument_value, take_survey

LIST = "/admin/diagnostics/instruments/"
IMPORT = f"{LIST}import/"


def survey_text(**changes):
    data = json.loads(json.dumps(SurveyJSONFactory(), default=float))
    data.update(changes)
    return dumps_instrument(parse_instrument(data))


def block_state(response):
    """The value and errors the page hands to Wagtail's block UI (rendered by its script)."""
    html = response.content.decode()
    start = html.index("data-w-block-arguments-value=") + len("data-w-block-arguments-value=") + 1
    return json.loads(unescape(html[start : html.index('"', start)]))


def new_survey_value():
    return {
        "title": "Partnership check",
        "description": "How well the partners work together.",
        "scale": {
            "min": 1,
            "max": 4,
            "labels": [{"point": 1, "label": "Never"}, {"point": 4, "label": "Always"}],
            "allow_na": False,
        },
        "bands": [
            {"key": "good", "label": "Good", "min": "3.0"},
            {"key": "weak", "label": "Weak", "min": None},
        ],
        "min_responses": 4,
        "dimensions": [
            {
                "key": "trust",
                "title": "Trust",
                "description": "",
                "topics": ["relationships", "trust"],
                "guidance": [{"band": "weak", "text": "Meet in person."}],
                "items": [
                    {"key": "trust-1", "text": "Partners keep their promises.", "reverse": False},
                    {"key": "trust-2", "text": "Partners hide problems.", "reverse": True},
                ],
            }
        ],
    }


class PermissionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.member = UserFactory(username="member")
        cls.editor = UserFactory(username="editor")
        cls.editor.groups.add(Group.objects.get(name="Editors"))
        cls.moderator = UserFactory(username="moderator")
        cls.moderator.groups.add(Group.objects.get(name="Moderators"))
        cls.administrator = UserFactory(username="administrator")
        cls.administrator.groups.add(Group.objects.get(name="Administrators"))
        cls.instrument = Instrument.objects.get(slug=SCORECARD)

    def urls(self):
        pk = self.instrument.pk
        return [
            LIST,
            f"{LIST}new/",
            f"{LIST}new/?kind=matrix",
            f"{LIST}edit/{pk}/",
            f"{LIST}delete/{pk}/",
            f"{LIST}export/{pk}/1/",
            IMPORT,
        ]

    def test_anonymous_visitors_are_sent_to_sign_in(self):
        for url in self.urls():
            response = self.client.get(url)
            self.assertEqual(response.status_code, 302, url)
            self.assertIn("/admin/login/", response["Location"])

    def test_members_without_admin_access_are_refused(self):
        self.client.force_login(self.member)
        for url in self.urls():
            response = self.client.get(url)
            self.assertNotEqual(response.status_code, 200, url)
            self.assertIn(response.status_code, (302, 403), url)

    def test_moderators_are_refused(self):
        self.client.force_login(self.moderator)
        for url in self.urls():
            self.assertNotEqual(self.client.get(url).status_code, 200, url)
        self.client.post(IMPORT, {"definition": survey_text()})
        self.assertFalse(Instrument.objects.filter(slug="test-survey").exists())

    def test_editors_add_edit_import_and_export_but_do_not_delete(self):
        self.client.force_login(self.editor)
        for url in self.urls():
            expected = 302 if "delete" in url else 200  # sent back to the admin home
            self.assertEqual(self.client.get(url).status_code, expected, url)
        self.client.post(f"{LIST}delete/{self.instrument.pk}/")
        self.assertTrue(Instrument.objects.filter(pk=self.instrument.pk).exists())
        listing = self.client.get(LIST)
        self.assertContains(listing, "Import JSON")
        self.assertContains(listing, "Add instrument")

    def test_administrators_manage_instruments(self):
        self.client.force_login(self.administrator)
        for url in self.urls():
            self.assertEqual(self.client.get(url).status_code, 200, url)
        listing = self.client.get(LIST)
        self.assertContains(listing, "Network health scorecard")
        self.assertContains(listing, "Network maturity matrix")

    def test_the_admin_never_shows_who_answered(self):
        respondent = UserFactory(username="zebra-respondent")
        self.client.force_login(respondent)
        take_survey(self.client, SCORECARD)
        self.client.force_login(self.editor)
        page = self.client.get(f"{LIST}edit/{self.instrument.pk}/")
        self.assertContains(page, "<td>1</td>", html=True)  # a response count, never the answers
        self.assertNotContains(page, "zebra-respondent")


class StructuredFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = UserFactory(username="editor", first_name="Eddie", last_name="Editor")
        cls.editor.groups.add(Group.objects.get(name="Editors"))
        cls.member = UserFactory(username="answerer")

    def setUp(self):
        self.client.force_login(self.editor)

    def edit_url(self, slug):
        return f"{LIST}edit/{Instrument.objects.get(slug=slug).pk}/"

    def test_the_edit_form_shows_the_instrument_field_by_field(self):
        response = self.client.get(self.edit_url(SCORECARD))
        value, errors = block_state(response)
        self.assertIsNone(errors)
        self.assertEqual(value["title"], "Network health scorecard")
        self.assertEqual(value["scale"]["max"], "5")
        first = value["dimensions"][0]["value"]
        self.assertEqual([item["value"]["key"] for item in first["items"]][:1], ["purpose-1"])
        self.assertIn("reverse", first["items"][0]["value"])
        self.assertEqual(value["bands"][0]["value"]["min"], "4.0")
        self.assertContains(response, "Import JSON")

    def test_adding_a_survey(self):
        data = instrument_form_data("survey", new_survey_value(), slug="partnership-check")
        response = self.client.post(f"{LIST}new/", data)
        self.assertEqual(response.status_code, 302, response.content.decode()[:3000])
        instrument = Instrument.objects.get(slug="partnership-check")
        self.assertFalse(instrument.is_published)
        self.assertEqual(instrument.current_version.created_by, self.editor)
        saved = json.loads(instrument.current_version.definition)
        self.assertEqual(
            saved["scale"], {"min": 1, "max": 4, "labels": {"1": "Never", "4": "Always"}, "allow_na": False}
        )
        self.assertEqual(saved["bands"][0], {"key": "good", "label": "Good", "min": 3.0})
        self.assertEqual(saved["min_responses"], 4)
        dimension = saved["dimensions"][0]
        self.assertEqual(dimension["topics"], ["relationships", "trust"])
        self.assertEqual(dimension["guidance"], {"weak": "Meet in person."})
        self.assertEqual([item["reverse"] for item in dimension["items"]], [False, True])
        self.assertEqual(self.client.get("/diagnostics/partnership-check/").status_code, 404)  # not published yet

    def test_adding_a_maturity_matrix(self):
        self.assertContains(self.client.get(f"{LIST}new/?kind=matrix"), "Add a survey instead")
        value = {
            "title": "Partnership matrix",
            "description": "",
            "bands": instrument_value(MATRIX)["bands"],
            "min_responses": 3,
            "dimensions": [
                {
                    "key": "trust",
                    "title": "Trust",
                    "description": "",
                    "topics": [],
                    "guidance": [],
                    "levels": ["Strangers.", "Acquaintances.", "Partners."],
                }
            ],
        }
        data = instrument_form_data("matrix", value, slug="partnership-matrix", is_published="on")
        response = self.client.post(f"{LIST}new/?kind=matrix", data)
        self.assertEqual(response.status_code, 302, response.content.decode()[:3000])
        saved = json.loads(Instrument.objects.get(slug="partnership-matrix").current_version.definition)
        self.assertEqual(saved["kind"], "matrix")
        self.assertEqual(
            saved["dimensions"][0]["levels"],
            [
                {"level": 1, "descriptor": "Strangers."},
                {"level": 2, "descriptor": "Acquaintances."},
                {"level": 3, "descriptor": "Partners."},
            ],
        )

    def test_adding_a_statement_to_a_published_instrument_creates_a_version_and_old_results_keep_their_figures(self):
        self.client.force_login(self.member)
        result_url = take_survey(self.client, SCORECARD, value="4")
        before = self.client.get(f"{result_url}results.csv").content

        self.client.force_login(self.editor)
        value = instrument_value(SCORECARD)
        value["dimensions"][0]["items"].append({"key": "purpose-new", "text": "We say no to work.", "reverse": True})
        response = self.client.post(
            self.edit_url(SCORECARD), instrument_form_data("survey", value, is_published="on"), follow=True
        )
        self.assertContains(response, "Updated network-health-scorecard: version 2 created.")
        self.assertContains(response, "dimension purpose: statement purpose-new added")
        instrument = Instrument.objects.get(slug=SCORECARD)
        self.assertEqual(instrument.current_version.number, 2)
        self.assertEqual(instrument.current_version.created_by, self.editor)
        self.assertIsNotNone(instrument.current_version.published_at)
        self.assertEqual(InstrumentVersion.objects.filter(instrument=instrument).count(), 2)
        new_item = instrument.current_version.data.dimensions[0].items[-1]
        self.assertEqual((new_item.key, new_item.reverse), ("purpose-new", True))

        self.client.force_login(self.member)
        self.assertEqual(self.client.get(f"{result_url}results.csv").content, before)
        self.assertEqual(Response.objects.get(user=self.member).version.number, 1)

    def test_reverse_flags_levels_and_guidance_are_edited(self):
        value = instrument_value(SCORECARD)
        value["dimensions"][0]["items"][0]["reverse"] = True
        value["dimensions"][0]["guidance"] = [{"band": "priority", "text": "Start with a shared statement."}]
        response = self.client.post(self.edit_url(SCORECARD), instrument_form_data("survey", value), follow=True)
        self.assertContains(response, "statement purpose-1 now reverse-scored")
        self.assertContains(response, "dimension purpose: guidance changed")
        matrix = instrument_value(MATRIX)
        matrix["dimensions"][0]["levels"][1] = "Members know each other's names."
        response = self.client.post(self.edit_url(MATRIX), instrument_form_data("matrix", matrix), follow=True)
        self.assertContains(response, "levels changed")
        levels = Instrument.objects.get(slug=MATRIX).current_version.data.dimensions[0].levels
        self.assertEqual(levels[1].descriptor, "Members know each other's names.")

    def test_saving_without_changes_makes_no_version(self):
        for slug, kind in ((SCORECARD, "survey"), ("network-health-check", "survey"), (MATRIX, "matrix")):
            instrument = Instrument.objects.get(slug=slug)
            data = instrument_form_data(kind, instrument_value(slug), is_published="on")
            response = self.client.post(self.edit_url(slug), data, follow=True)
            self.assertContains(response, "No changes")
            self.assertEqual(instrument.versions.count(), 1, slug)

    def test_new_lines_from_the_browser_are_stored_as_typed_and_make_no_version_when_unchanged(self):
        value = instrument_value(SCORECARD)
        value["dimensions"][0]["description"] = "First line.\r\nSecond line."  # as a browser sends it
        self.client.post(self.edit_url(SCORECARD), instrument_form_data("survey", value, is_published="on"))
        instrument = Instrument.objects.get(slug=SCORECARD)
        self.assertEqual(instrument.current_version.data.dimensions[0].description, "First line.\nSecond line.")
        response = self.client.post(
            self.edit_url(SCORECARD), instrument_form_data("survey", value, is_published="on"), follow=True
        )
        self.assertContains(response, "No changes")
        self.assertEqual(instrument.versions.count(), 2)

    def test_unpublishing_hides_an_instrument(self):
        instrument = Instrument.objects.get(slug=SCORECARD)
        self.client.post(self.edit_url(SCORECARD), instrument_form_data("survey", instrument_value(SCORECARD)))
        self.assertEqual(self.client.get(f"/diagnostics/{SCORECARD}/").status_code, 404)
        self.assertEqual(instrument.versions.count(), 1)

    def assertRefused(self, response, top, field_path, message):
        """Nothing saved; the problem at the top of the page and beside its field."""
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, escape(top))
        _, errors = block_state(response)
        for step in field_path:
            errors = errors["blockErrors"][step if isinstance(step, str) else str(step)]
        self.assertIn(message, json.dumps(errors.get("messages", errors)))

    def test_a_duplicate_statement_key_is_named_beside_it_and_nothing_is_saved(self):
        value = instrument_value(SCORECARD)
        value["dimensions"][1]["items"][0]["key"] = "purpose-1"
        value["dimensions"][1]["items"][0]["text"] = "My typed zebra statement."
        response = self.client.post(self.edit_url(SCORECARD), instrument_form_data("survey", value))
        self.assertRefused(
            response,
            'This is not a valid instrument: Dimension 2, statement 1, key: duplicate item key "purpose-1" '
            "(also dimension 1, statement 1)",
            ["dimensions", 1, "items", 0, "key"],
            "duplicate item key",
        )
        self.assertContains(response, "My typed zebra statement.")  # what was typed is kept
        self.assertEqual(InstrumentVersion.objects.filter(instrument__slug=SCORECARD).count(), 1)

    def test_a_missing_statement_text_is_required_beside_it(self):
        value = instrument_value(SCORECARD)
        value["dimensions"][0]["items"][1]["text"] = ""
        response = self.client.post(self.edit_url(SCORECARD), instrument_form_data("survey", value))
        self.assertRefused(
            response, "could not be saved", ["dimensions", 0, "items", 1, "text"], "This field is required"
        )
        self.assertEqual(InstrumentVersion.objects.filter(instrument__slug=SCORECARD).count(), 1)

    def test_scale_band_and_guidance_problems_are_placed_beside_their_fields(self):
        value = instrument_value(SCORECARD)
        value["scale"]["labels"].append({"point": 9, "label": "Off the scale"})
        response = self.client.post(self.edit_url(SCORECARD), instrument_form_data("survey", value))
        self.assertRefused(response, "Scale, labels, 9: 9 is not on the scale", ["scale", "labels", 5], "not on")

        value = instrument_value(SCORECARD)
        value["bands"][1]["min"] = "4.5"
        response = self.client.post(self.edit_url(SCORECARD), instrument_form_data("survey", value))
        self.assertRefused(response, "Band 2, min: must be lower", ["bands", 1, "min"], "must be lower than the band")

        value = instrument_value(SCORECARD)
        value["dimensions"][2]["guidance"].append({"band": "excellent", "text": "Well done."})
        response = self.client.post(self.edit_url(SCORECARD), instrument_form_data("survey", value))
        position = len(value["dimensions"][2]["guidance"]) - 1
        self.assertRefused(
            response, "not a band of this instrument", ["dimensions", 2, "guidance", position], "not a band"
        )

        value = instrument_value(SCORECARD)
        value["dimensions"][0]["items"] = []
        response = self.client.post(self.edit_url(SCORECARD), instrument_form_data("survey", value))
        self.assertRefused(response, "must list at least one statement", ["dimensions", 0, "items"], "at least one")
        self.assertEqual(InstrumentVersion.objects.filter(instrument__slug=SCORECARD).count(), 1)

    def test_a_matrix_needs_two_levels(self):
        value = instrument_value(MATRIX)
        value["dimensions"][0]["levels"] = ["Only one."]
        response = self.client.post(self.edit_url(MATRIX), instrument_form_data("matrix", value))
        self.assertRefused(response, "must list from 2 to 10 levels", ["dimensions", 0, "levels"], "from 2 to 10")

    def test_a_new_instruments_slug_must_be_free_and_well_formed(self):
        for slug, message in ((SCORECARD, "already exists: edit that one instead"), ("two words", "Use letters")):
            data = instrument_form_data("survey", new_survey_value(), slug=slug)
            response = self.client.post(f"{LIST}new/", data)
            self.assertContains(response, message)
        self.assertEqual(InstrumentVersion.objects.count(), 3)

    def test_an_answered_instrument_cannot_be_deleted(self):
        administrator = UserFactory(username="administrator")
        administrator.groups.add(Group.objects.get(name="Administrators"))
        self.client.force_login(self.member)
        take_survey(self.client, SCORECARD)
        self.client.force_login(administrator)
        instrument = Instrument.objects.get(slug=SCORECARD)
        response = self.client.post(f"{LIST}delete/{instrument.pk}/", follow=True)
        self.assertContains(response, "has responses, so it cannot be deleted")
        self.assertTrue(Instrument.objects.filter(pk=instrument.pk).exists())
        matrix = Instrument.objects.get(slug=MATRIX)
        self.client.post(f"{LIST}delete/{matrix.pk}/")
        self.assertFalse(Instrument.objects.filter(pk=matrix.pk).exists())

    def test_a_version_downloads_as_json(self):
        instrument = Instrument.objects.get(slug=SCORECARD)
        response = self.client.get(f"{LIST}export/{instrument.pk}/1/")
        self.assertEqual(response.content.decode(), instrument.current_version.definition)
        self.assertIn("network-health-scorecard-version-1.json", response["Content-Disposition"])


class ImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = UserFactory(username="editor")
        cls.editor.groups.add(Group.objects.get(name="Editors"))

    def setUp(self):
        self.client.force_login(self.editor)

    def test_adding_an_instrument_by_pasting_json(self):
        response = self.client.post(IMPORT, {"definition": survey_text()})
        instrument = Instrument.objects.get(slug="test-survey")
        self.assertRedirects(response, f"{LIST}edit/{instrument.pk}/")
        self.assertFalse(instrument.is_published)
        self.assertEqual(instrument.current_version.created_by, self.editor)
        self.assertEqual(instrument.current_version.definition, survey_text())

    def test_adding_an_instrument_by_uploading_a_file_and_publishing(self):
        upload = SimpleUploadedFile("survey.json", survey_text().encode(), content_type="application/json")
        response = self.client.post(IMPORT, {"definition": "", "upload": upload, "is_published": "on"})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.client.get("/diagnostics/test-survey/").status_code, 200)

    def test_a_bad_definition_is_refused_next_to_the_field_and_nothing_is_saved(self):
        text = survey_text().replace('"reverse": true', '"reverse": "yes"', 1)
        response = self.client.post(IMPORT, {"definition": text})
        self.assertEqual(response.status_code, 200)
        self.assertContains(
            response, "This is not a valid instrument: dimensions[0].items[1].reverse: must be true or false"
        )
        self.assertContains(response, "&quot;reverse&quot;: &quot;yes&quot;")  # what was typed is kept
        self.assertFalse(Instrument.objects.filter(slug="test-survey").exists())

    def test_an_empty_form_asks_for_json(self):
        response = self.client.post(IMPORT, {"definition": " "})
        self.assertContains(response, "Paste the instrument&#x27;s JSON, or upload a file.")

    def test_importing_an_existing_slug_adds_a_version_and_keeps_it_published(self):
        instrument = Instrument.objects.get(slug=SCORECARD)
        data = json.loads(instrument.current_version.definition)
        data["title"] = "Scorecard, renamed"
        response = self.client.post(IMPORT, {"definition": json.dumps(data)}, follow=True)
        self.assertContains(response, "Updated network-health-scorecard: version 2 created.")
        instrument.refresh_from_db()
        self.assertTrue(instrument.is_published)
        self.assertEqual(instrument.title, "Scorecard, renamed")

    def test_an_instrument_cannot_change_kind(self):
        matrix = copy.deepcopy(json.loads(Instrument.objects.get(slug=MATRIX).current_version.definition))
        response = self.client.post(IMPORT, {"definition": survey_text(slug=matrix["slug"])})
        self.assertContains(response, "An instrument cannot change kind")
        self.assertEqual(InstrumentVersion.objects.count(), 3)
