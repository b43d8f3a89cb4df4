"""Instruments in the Wagtail admin: permissions, editing as JSON, versions, publishing."""

import json

from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase

from diagnostics.factories import SurveyJSONFactory
from diagnostics.instrument_format import dumps_instrument, parse_instrument
from diagnostics.models import Instrument, InstrumentVersion, Response
from source4networks.factories import UserFactory

from .helpers import SCORECARD, take_survey

LIST = "/admin/diagnostics/instruments/"


def survey_text(**changes):
    data = json.loads(json.dumps(SurveyJSONFactory(), default=float))
    data.update(changes)
    return dumps_instrument(parse_instrument(data))


class PermissionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.member = UserFactory(username="member")
        cls.editor = UserFactory(username="editor")
        cls.editor.groups.add(Group.objects.get(name="Editors"))
        cls.administrator = UserFactory(username="administrator")
        cls.administrator.groups.add(Group.objects.get(name="Administrators"))
        cls.instrument = Instrument.objects.get(slug=SCORECARD)

    def urls(self):
        pk = self.instrument.pk
        return [LIST, f"{LIST}new/", f"{LIST}edit/{pk}/", f"{LIST}delete/{pk}/", f"{LIST}export/{pk}/1/"]

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

    def test_editors_are_refused_unless_given_the_permission(self):
        self.client.force_login(self.editor)
        for url in self.urls():
            self.assertNotEqual(self.client.get(url).status_code, 200, url)
        self.editor.user_permissions.add(Permission.objects.get(codename="change_instrument"))
        self.assertEqual(self.client.get(LIST).status_code, 200)
        self.assertEqual(self.client.get(f"{LIST}edit/{self.instrument.pk}/").status_code, 200)
        self.assertNotEqual(self.client.get(f"{LIST}new/").status_code, 200)  # adding needs its own permission

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
        self.client.force_login(self.administrator)
        page = self.client.get(f"{LIST}edit/{self.instrument.pk}/")
        self.assertContains(page, "<td>1</td>", html=True)  # a response count, never the answers
        self.assertNotContains(page, "zebra-respondent")


class EditingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.administrator = UserFactory(username="administrator", first_name="Ada", last_name="Admin")
        cls.administrator.groups.add(Group.objects.get(name="Administrators"))
        cls.member = UserFactory(username="answerer")

    def setUp(self):
        self.client.force_login(self.administrator)

    def test_adding_an_instrument_by_pasting_json(self):
        response = self.client.post(f"{LIST}new/", {"definition": survey_text()})
        self.assertEqual(response.status_code, 302)
        instrument = Instrument.objects.get(slug="test-survey")
        self.assertFalse(instrument.is_published)
        self.assertEqual(instrument.current_version.created_by, self.administrator)
        self.assertEqual(instrument.current_version.definition, survey_text())
        self.assertEqual(self.client.get("/diagnostics/test-survey/").status_code, 404)  # not published yet

    def test_adding_an_instrument_by_uploading_a_file_and_publishing(self):
        upload = SimpleUploadedFile("survey.json", survey_text().encode(), content_type="application/json")
        response = self.client.post(f"{LIST}new/", {"definition": "", "upload": upload, "is_published": "on"})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.client.get("/diagnostics/test-survey/").status_code, 200)

    def test_a_bad_definition_is_refused_next_to_the_field_and_nothing_is_saved(self):
        text = survey_text().replace('"reverse": true', '"reverse": "yes"', 1)
        response = self.client.post(f"{LIST}new/", {"definition": text})
        self.assertEqual(response.status_code, 200)
        self.assertContains(
            response, "This is not a valid instrument: dimensions[0].items[1].reverse: must be true or false"
        )
        self.assertContains(response, "&quot;reverse&quot;: &quot;yes&quot;")  # what was typed is kept
        self.assertFalse(Instrument.objects.filter(slug="test-survey").exists())

    def test_an_empty_form_asks_for_json(self):
        response = self.client.post(f"{LIST}new/", {"definition": " "})
        self.assertContains(response, "Paste the instrument&#x27;s JSON, or upload a file.")

    def test_adding_an_existing_slug_is_refused(self):
        text = survey_text(slug=SCORECARD)
        response = self.client.post(f"{LIST}new/", {"definition": text})
        self.assertContains(response, "already exists: edit that one instead")

    def test_editing_a_published_instrument_creates_a_version_and_old_results_keep_their_figures(self):
        self.client.force_login(self.member)
        result_url = take_survey(self.client, SCORECARD, value="4")
        before = self.client.get(f"{result_url}results.csv").content

        self.client.force_login(self.administrator)
        instrument = Instrument.objects.get(slug=SCORECARD)
        edit_page = self.client.get(f"{LIST}edit/{instrument.pk}/")
        data = json.loads(instrument.current_version.definition)
        self.assertContains(edit_page, "network-health-scorecard")
        for dimension in data["dimensions"]:
            for item in dimension["items"]:
                item["reverse"] = not item["reverse"]
        response = self.client.post(
            f"{LIST}edit/{instrument.pk}/", {"definition": json.dumps(data), "is_published": "on"}, follow=True
        )
        self.assertContains(response, "Updated network-health-scorecard: version 2 created.")
        instrument.refresh_from_db()
        self.assertEqual(instrument.current_version.number, 2)
        self.assertIsNotNone(instrument.current_version.published_at)
        self.assertEqual(InstrumentVersion.objects.filter(instrument=instrument).count(), 2)
        self.assertContains(response, "statement purpose-1 now reverse-scored")

        self.client.force_login(self.member)
        self.assertEqual(self.client.get(f"{result_url}results.csv").content, before)
        self.assertEqual(Response.objects.get(user=self.member).version.number, 1)

    def test_saving_without_changes_makes_no_version(self):
        instrument = Instrument.objects.get(slug=SCORECARD)
        self.client.post(
            f"{LIST}edit/{instrument.pk}/",
            {"definition": instrument.current_version.definition, "is_published": "on"},
        )
        self.assertEqual(instrument.versions.count(), 1)

    def test_unpublishing_hides_an_instrument(self):
        instrument = Instrument.objects.get(slug=SCORECARD)
        self.client.post(f"{LIST}edit/{instrument.pk}/", {"definition": instrument.current_version.definition})
        self.assertEqual(self.client.get(f"/diagnostics/{SCORECARD}/").status_code, 404)
        self.assertEqual(instrument.versions.count(), 1)

    def test_the_slug_and_kind_cannot_change(self):
        instrument = Instrument.objects.get(slug=SCORECARD)
        data = json.loads(instrument.current_version.definition)
        data["slug"] = "renamed"
        response = self.client.post(f"{LIST}edit/{instrument.pk}/", {"definition": json.dumps(data)})
        self.assertContains(response, "The slug must stay")
        matrix = Instrument.objects.get(slug="network-maturity-matrix")
        response = self.client.post(f"{LIST}edit/{matrix.pk}/", {"definition": survey_text(slug=matrix.slug)})
        self.assertContains(response, "An instrument cannot change kind")
        self.assertEqual(InstrumentVersion.objects.count(), 3)

    def test_an_answered_instrument_cannot_be_deleted(self):
        self.client.force_login(self.member)
        take_survey(self.client, SCORECARD)
        self.client.force_login(self.administrator)
        instrument = Instrument.objects.get(slug=SCORECARD)
        response = self.client.post(f"{LIST}delete/{instrument.pk}/", follow=True)
        self.assertContains(response, "has responses, so it cannot be deleted")
        self.assertTrue(Instrument.objects.filter(pk=instrument.pk).exists())

    def test_an_unanswered_instrument_can_be_deleted(self):
        instrument = Instrument.objects.get(slug="network-maturity-matrix")
        self.client.post(f"{LIST}delete/{instrument.pk}/")
        self.assertFalse(Instrument.objects.filter(pk=instrument.pk).exists())

    def test_a_version_downloads_as_json(self):
        instrument = Instrument.objects.get(slug=SCORECARD)
        response = self.client.get(f"{LIST}export/{instrument.pk}/1/")
        self.assertEqual(response.content.decode(), instrument.current_version.definition)
        self.assertIn("network-health-scorecard-version-1.json", response["Content-Disposition"])
