"""Maturity matrix sessions (6.1, rule 8): recording, defaults, range, gap, comparison, access."""

from datetime import date

from django.core.cache import cache
from django.test import TestCase

from community.members.factories import make_member
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Membership
from diagnostics import matrix
from diagnostics.factories import MATRIX, MatrixSessionFactory
from diagnostics.models import Instrument, MatrixRow, MatrixSession
from diagnostics.rounds import RoundError
from diagnostics.scoring import MatrixEntry


class MatrixSessionTests(TestCase):
    def setUp(self):
        cache.clear()
        self.instrument = Instrument.objects.select_related("current_version").get(slug=MATRIX)
        self.data = self.instrument.current_version.data
        self.keys = [dimension.key for dimension in self.data.dimensions]
        self.network = NetworkFactory()
        self.leader = make_member()
        add_member(self.network, self.leader, role=Membership.Role.LEADER)
        self.member = make_member()
        add_member(self.network, self.member)
        self.url = f"/diagnostics/networks/{self.network.slug}/matrix/"

    def form_data(self, day="2026-03-01", **per_dimension):
        data = {"date": day, "notes": "Good discussion."}
        for key in self.keys:
            levels, current, target = per_dimension.get(key, ("", "", ""))
            data.update({f"{key}-levels": levels, f"{key}-current": current, f"{key}-target": target})
        return data

    def test_recording_a_session_applies_rule_8(self):
        first, second, third = self.keys[:3]
        self.client.force_login(self.leader)
        new = f"{self.url}new/{MATRIX}/"
        self.assertEqual(self.client.get(new).status_code, 200)
        response = self.client.post(
            new,
            self.form_data(
                **{first: ("2, 3, 4", "", "4"), second: ("3 3 3", "2", "3"), third: ("", "", "")},
            ),
        )
        session = MatrixSession.objects.get()
        self.assertRedirects(response, session.get_absolute_url(), fetch_redirect_response=False)
        self.assertEqual(MatrixRow.objects.get(session=session, dimension=first).participant_levels, [2, 3, 4])
        lines = matrix.session_lines(session)
        one, two, three = lines[:3]
        # Current defaults to the lowest chosen; the range is "min–max"; gap = target − current.
        self.assertEqual((one.result.current, one.result.range_text, one.result.gap), (2, "2–4", 2))
        # An agreed current level wins; one number when everyone agrees.
        self.assertEqual((two.result.current, two.result.range_text, two.result.gap), (2, "3", 1))
        self.assertEqual((three.result.current, three.result.range_text, three.result.gap), (None, "", None))
        page = self.client.get(session.get_absolute_url())
        self.assertContains(page, "2–4")
        self.assertContains(page, "Good discussion.")

    def test_levels_outside_the_matrix_are_refused_beside_the_field(self):
        self.client.force_login(self.leader)
        top = len(self.data.dimensions[0].levels)
        response = self.client.post(f"{self.url}new/{MATRIX}/", self.form_data(**{self.keys[0]: ("2, 9", "", "")}))
        content = response.content.decode()
        self.assertIn("<title>Error: ", content)
        self.assertIn(f'href="#id_{self.keys[0]}-levels"', content)
        self.assertIn(f"enter whole numbers from 1 to {top}", content)
        self.assertIn('value="2, 9"', content)
        self.assertFalse(MatrixSession.objects.exists())

    def test_sessions_over_time_are_compared(self):
        key = self.keys[0]
        earlier = MatrixSessionFactory(
            network=self.network, recorded_by=self.leader, date=date(2025, 6, 1), rows={key: MatrixEntry(chosen=(1, 2))}
        )
        later = MatrixSessionFactory(
            network=self.network,
            recorded_by=self.leader,
            date=date(2026, 1, 1),
            rows={key: MatrixEntry(current=3, target=4)},
        )
        self.assertEqual(matrix.previous_session(later), earlier)
        lines = matrix.session_lines(later, earlier)
        self.assertEqual(lines[0].change, "+2")
        comparison = matrix.compare_sessions(self.network)[0]
        self.assertEqual(comparison.sessions, [earlier, later])
        first_row, second_row = comparison.rows[:2]
        self.assertEqual((first_row.title, first_row.cells), (self.data.dimensions[0].title, [1, 3]))
        self.assertEqual((first_row.target, first_row.change), (4, "+2"))
        self.assertEqual(second_row.cells, [None, None])
        self.client.force_login(self.leader)
        page = self.client.get(self.url)
        self.assertContains(page, "sessions compared")
        self.assertContains(
            self.client.get(later.get_absolute_url()),
            f'Change since <a class="s4n-print-url" href="{earlier.get_absolute_url()}">1 June 2025</a>',
        )

    def test_only_leaders_record_and_see_sessions(self):
        session = MatrixSessionFactory(network=self.network, recorded_by=self.leader, date=date(2026, 1, 1))
        with self.assertRaises(RoundError):
            matrix.record_session(self.network, self.member, self.instrument, date(2026, 1, 1), "", {})
        admin = make_member()
        admin.is_superuser = True
        admin.save()
        editor = make_member(groups=["Editors"])
        for path in (self.url, f"{self.url}new/{MATRIX}/", session.get_absolute_url()):
            self.client.logout()
            self.assertEqual(self.client.get(path).status_code, 302)
            for user in (self.member, admin, editor, make_member()):
                self.client.force_login(user)
                self.assertEqual(self.client.get(path).status_code, 403, path)
            self.client.force_login(self.leader)
            self.assertEqual(self.client.get(path).status_code, 200, path)

    def test_a_survey_is_not_a_matrix(self):
        self.client.force_login(self.leader)
        self.assertEqual(self.client.get(f"{self.url}new/network-health-scorecard/").status_code, 404)
