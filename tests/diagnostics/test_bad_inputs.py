"""Inputs that used to give a 500 or a traceback get a clear error (issue 9, point 11).

A 5,000-digit answer or a NUL character in a paper import, and deeply nested or huge-number
Instrument JSON in the admin and in ``import_instrument``.
"""

import json
import tempfile
from io import StringIO
from pathlib import Path

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import TestCase

from community.members.factories import make_member
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Membership
from diagnostics.factories import NetworkRoundFactory, SurveyJSONFactory
from diagnostics.instrument_format import InstrumentError, loads_instrument
from diagnostics.models import Instrument, NetworkRound, RoundResponse
from source4networks.factories import UserFactory

from .helpers import SCORECARD, instrument_data

ADMIN_NEW = "/admin/diagnostics/instruments/import/"


def survey_json(**changes) -> str:
    data = json.loads(json.dumps(SurveyJSONFactory(), default=float))
    data.update(changes)
    return json.dumps(data)


DEEPLY_NESTED = survey_json(description="NESTED").replace('"NESTED"', "[" * 100_000 + "]" * 100_000)
HUGE_NUMBER = survey_json(min_responses=0).replace('"min_responses": 0', '"min_responses": ' + "9" * 5000)
HUGE_SCALE = survey_json(scale={"min": 1, "max": 10**25, "labels": {}, "allow_na": False})
NUL_TITLE = survey_json(title="Network\u0000check")


class PaperImportInputTests(TestCase):
    def setUp(self):
        self.data = instrument_data(SCORECARD)
        self.keys = [item.key for item in self.data.items]
        network = NetworkFactory()
        self.leader = make_member()
        add_member(network, self.leader, role=Membership.Role.LEADER)
        self.round = NetworkRoundFactory(network=network, opened_by=self.leader, mode=NetworkRound.Mode.PAPER)
        self.client.force_login(self.leader)

    def upload(self, *rows):
        header = ",".join(["respondent", *self.keys, "comment"])
        content = "\n".join([header, *rows]).encode()
        return self.client.post(
            f"{self.round.get_results_url()}import/",
            {"file": SimpleUploadedFile("paper.csv", content, content_type="text/csv")},
        )

    def row(self, respondent="paper-1", first="3", comment=""):
        return ",".join([respondent, first, *["3"] * (len(self.keys) - 1), comment])

    def test_a_5000_digit_answer_is_out_of_range(self):
        page = self.upload(self.row(first="9" * 5000))
        self.assertEqual(page.status_code, 200)
        self.assertContains(page, f"line 2, column 2 ({self.keys[0]}): a 5,000-digit number is out of range")
        self.assertContains(page, "Nothing was added")
        self.assertFalse(RoundResponse.objects.exists())

    def test_a_nul_character_in_the_respondent_is_refused(self):
        page = self.upload(self.row(), self.row(respondent="paper\x002"))
        self.assertEqual(page.status_code, 200)
        self.assertContains(page, "line 3, column 1 (respondent): the respondent contains a control character")
        self.assertFalse(RoundResponse.objects.exists())

    def test_a_nul_character_or_a_huge_comment_is_refused(self):
        column = len(self.keys) + 2
        page = self.upload(self.row(comment="Fine\x00"))
        self.assertContains(page, f"line 2, column {column} (comment): the comment contains the NUL character")
        page = self.upload(self.row(comment="x" * 5001))
        self.assertContains(page, "the comment must be at most 5,000 characters")
        self.assertFalse(RoundResponse.objects.exists())

    def test_a_nul_character_in_an_online_comment_is_dropped(self):
        online = NetworkRoundFactory(network=self.round.network, opened_by=self.leader)
        answers = {f"answer-{key}": "3" for key in self.keys}
        response = self.client.post(f"{online.get_absolute_url()}check/", {**answers, "comment": "Good\x00 network"})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(RoundResponse.objects.get(round=online).comment, "Good network")


class InstrumentJSONTests(TestCase):
    def test_the_parser_names_each_problem(self):
        for text, message in [
            (DEEPLY_NESTED, "lists or objects are nested too deeply"),
            (HUGE_NUMBER, "a number in the file is too long (5,000 characters; 30 at most)"),
            (HUGE_SCALE, "scale.max: must be from -1000 to 1000"),
            (survey_json(min_responses=1001), "min_responses: must be at most 1,000"),
            (NUL_TITLE, "title: must not contain the NUL character"),
            ("x" * (1024 * 1024 + 1), "the instrument must be smaller than 1 MB"),
        ]:
            with self.assertRaisesMessage(InstrumentError, message):
                loads_instrument(text)


class AdminImportTests(TestCase):
    def setUp(self):
        administrator = UserFactory(username="administrator")
        administrator.groups.add(Group.objects.get(name="Administrators"))
        self.client.force_login(administrator)

    def test_pasted_or_uploaded_bad_json_is_refused_beside_the_field(self):
        for text, message in [
            (DEEPLY_NESTED, "lists or objects are nested too deeply"),
            (HUGE_NUMBER, "a number in the file is too long"),
            (NUL_TITLE, "title: must not contain the NUL character"),
        ]:
            pasted = self.client.post(ADMIN_NEW, {"definition": text})
            self.assertEqual(pasted.status_code, 200)
            self.assertContains(pasted, f"This is not a valid instrument: {message}")
            upload = SimpleUploadedFile("instrument.json", text.encode(), content_type="application/json")
            uploaded = self.client.post(ADMIN_NEW, {"definition": "", "upload": upload})
            self.assertEqual(uploaded.status_code, 200)
            self.assertContains(uploaded, f"This is not a valid instrument: {message}")
        self.assertFalse(Instrument.objects.filter(slug="test-survey").exists())


class ImportCommandTests(TestCase):
    def test_bad_files_are_refused_with_a_message_not_a_traceback(self):
        with tempfile.TemporaryDirectory() as folder:
            for name, text, message in [
                ("nested.json", DEEPLY_NESTED, "lists or objects are nested too deeply"),
                ("huge.json", HUGE_NUMBER, "a number in the file is too long"),
            ]:
                path = Path(folder) / name
                path.write_text(text)
                with self.assertRaisesMessage(CommandError, f"{path}: {message}"):
                    call_command("import_instrument", str(path), stdout=StringIO())
        self.assertFalse(Instrument.objects.filter(slug="test-survey").exists())
