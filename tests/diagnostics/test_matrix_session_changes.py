"""Maturity matrix sessions after recording (issue 11, item 7): changing and deleting a session,
its CSV, its print view, the change chart across sessions, and a current level above the target
flagged beside the field. Leaders of the network only."""

import csv
import dataclasses
import io
import re
from datetime import date

from django.core.cache import cache
from django.test import TestCase, override_settings

from community.members.factories import make_member
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Membership
from diagnostics import matrix
from diagnostics.factories import MATRIX, MatrixSessionFactory
from diagnostics.importing import save_instrument
from diagnostics.models import Instrument, MatrixRow, MatrixSession
from diagnostics.scoring import MatrixEntry
from tests.queries import assert_same_query_count, count_queries


class MatrixSessionCase(TestCase):
    def setUp(self):
        cache.clear()
        self.data = Instrument.objects.get(slug=MATRIX).current_version.data
        self.keys = [dimension.key for dimension in self.data.dimensions]
        self.titles = [dimension.title for dimension in self.data.dimensions]
        self.network = NetworkFactory()
        self.leader = make_member()
        add_member(self.network, self.leader, role=Membership.Role.LEADER)
        self.member = make_member()
        add_member(self.network, self.member)
        self.url = f"/diagnostics/networks/{self.network.slug}/matrix/"

    def session(self, day, **rows):
        return MatrixSessionFactory(network=self.network, recorded_by=self.leader, date=day, rows=rows)

    def form_data(self, day="1/3/2026", notes="", **per_dimension):
        data = {"date": day, "notes": notes}
        for key in self.keys:
            levels, current, target = per_dimension.get(key, ("", "", ""))
            data.update({f"{key}-levels": levels, f"{key}-current": current, f"{key}-target": target})
        return data


class PermissionTests(MatrixSessionCase):
    """Every session page: a visitor signs in; the network's members, another network's leader
    and a moderator get 403; the leader gets the page."""

    def test_only_the_networks_leaders_reach_each_page(self):
        session = self.session(date(2026, 1, 1), purpose=MatrixEntry(current=2, target=3))
        other_leader = make_member()
        add_member(NetworkFactory(), other_leader, role=Membership.Role.LEADER)
        moderator = make_member(groups=["Moderators"])
        base = session.get_absolute_url()
        for path in (f"{base}edit/", f"{base}delete/", f"{base}session.csv", self.url):
            self.client.logout()
            response = self.client.get(path)
            self.assertEqual(response.status_code, 302, path)
            self.assertIn("/accounts/login/", response["Location"])
            for user in (self.member, other_leader, moderator):
                self.client.force_login(user)
                self.assertEqual(self.client.get(path).status_code, 403, (path, user))
            self.client.force_login(self.leader)
            self.assertEqual(self.client.get(path).status_code, 200, path)

    def test_nobody_but_a_leader_can_change_or_delete(self):
        session = self.session(date(2026, 1, 1), purpose=MatrixEntry(current=2, target=3))
        moderator = make_member(groups=["Moderators"])
        base = session.get_absolute_url()
        self.assertEqual(self.client.post(f"{base}delete/").status_code, 302)
        for user in (self.member, moderator):
            self.client.force_login(user)
            self.assertEqual(self.client.post(f"{base}delete/").status_code, 403)
            edit = self.client.post(f"{base}edit/", self.form_data(purpose=("", "5", "5")))
            self.assertEqual(edit.status_code, 403)
        self.assertEqual(MatrixRow.objects.get(session=session).agreed_current, 2)

    def test_a_session_of_another_network_is_not_found(self):
        elsewhere = MatrixSessionFactory(date=date(2026, 1, 1))
        self.client.force_login(self.leader)
        for part in ("", "edit/", "delete/", "session.csv"):
            self.assertEqual(self.client.get(f"{self.url}{elsewhere.pk}/{part}").status_code, 404)


class EditTests(MatrixSessionCase):
    def test_the_form_starts_with_what_was_recorded(self):
        session = self.session(date(2026, 1, 5), purpose=MatrixEntry(chosen=(2, 3, 4), current=3, target=4))
        session.notes = "Lively."
        session.save()
        self.client.force_login(self.leader)
        page = self.client.get(f"{session.get_absolute_url()}edit/")
        self.assertContains(page, "Change the Network maturity matrix session of 5 January 2026")
        self.assertContains(page, 'value="05/01/2026"')
        self.assertContains(page, 'value="2, 3, 4"')
        self.assertContains(page, '<option value="3" selected>3</option>', count=1)
        self.assertContains(page, "Lively.")
        self.assertContains(page, "Save the changes")

    def test_a_change_keeps_the_session_and_the_history_right(self):
        first = self.session(date(2025, 6, 1), purpose=MatrixEntry(current=1))
        middle = self.session(date(2026, 1, 1), purpose=MatrixEntry(current=3), membership=MatrixEntry(current=2))
        last = self.session(date(2026, 3, 1), purpose=MatrixEntry(current=4))
        kept = (middle.pk, middle.version_id, middle.recorded_by_id, middle.created_at)
        self.client.force_login(self.leader)
        response = self.client.post(
            f"{middle.get_absolute_url()}edit/", self.form_data("1/1/2026", "Corrected.", purpose=("", "2", "3"))
        )
        self.assertRedirects(response, middle.get_absolute_url(), fetch_redirect_response=False)
        middle.refresh_from_db()
        self.assertEqual((middle.pk, middle.version_id, middle.recorded_by_id, middle.created_at), kept)
        self.assertEqual(MatrixSession.objects.count(), 3)
        self.assertEqual(middle.notes, "Corrected.")
        # A dimension cleared on the form is cleared in the session.
        self.assertIsNone(middle.rows.get(dimension="membership").agreed_current)
        # The sessions around it show the change from the corrected level.
        self.assertContains(self.client.get(middle.get_absolute_url()), "+1")
        later_page = self.client.get(last.get_absolute_url())
        self.assertContains(later_page, "Change since")
        self.assertEqual(matrix.session_lines(last, matrix.previous_session(last))[0].change, "+2")
        # Moving it after the last session reorders the comparison and the changes.
        self.client.post(f"{middle.get_absolute_url()}edit/", self.form_data("2/3/2026", purpose=("", "2", "3")))
        self.assertEqual(matrix.previous_session(last), first)
        self.assertEqual(matrix.previous_session(MatrixSession.objects.get(pk=middle.pk)), last)
        comparison = matrix.compare_sessions(self.network)[0]
        self.assertEqual([s.pk for s in comparison.sessions], [first.pk, last.pk, middle.pk])
        self.assertEqual(comparison.rows[0].cells, [1, 4, 2])

    def test_a_session_is_changed_on_the_matrix_version_it_was_recorded_with(self):
        session = self.session(date(2026, 1, 1), purpose=MatrixEntry(current=2))
        # The matrix gains a version without its first dimension.
        save_instrument(dataclasses.replace(self.data, dimensions=self.data.dimensions[1:]))
        self.assertNotEqual(Instrument.objects.get(slug=MATRIX).current_version_id, session.version_id)
        self.client.force_login(self.leader)
        page = self.client.get(f"{session.get_absolute_url()}edit/")
        self.assertContains(page, 'name="purpose-current"')
        self.client.post(f"{session.get_absolute_url()}edit/", self.form_data("1/1/2026", purpose=("", "3", "")))
        session.refresh_from_db()
        self.assertEqual(MatrixRow.objects.get(session=session, dimension="purpose").agreed_current, 3)
        self.assertEqual(session.version.data.dimensions[0].key, "purpose")

    def test_a_bad_change_is_refused_beside_the_field_and_nothing_changes(self):
        session = self.session(date(2026, 1, 1), purpose=MatrixEntry(current=2))
        self.client.force_login(self.leader)
        page = self.client.post(
            f"{session.get_absolute_url()}edit/", self.form_data("31/12/2999", purpose=("9", "", ""))
        )
        self.assertContains(page, "<title>Error: ", status_code=200)
        self.assertContains(page, "The date of the session must be today or in the past")
        self.assertContains(page, 'href="#id_purpose-levels"')
        self.assertContains(page, 'value="31/12/2999"')
        session.refresh_from_db()
        self.assertEqual(session.date, date(2026, 1, 1))
        self.assertEqual(MatrixRow.objects.get(session=session).agreed_current, 2)


class DeleteTests(MatrixSessionCase):
    def test_a_confirmation_page_then_the_session_is_gone(self):
        kept = self.session(date(2025, 6, 1), purpose=MatrixEntry(current=1))
        session = self.session(date(2026, 1, 1), purpose=MatrixEntry(current=3))
        self.client.force_login(self.leader)
        confirm = self.client.get(f"{session.get_absolute_url()}delete/")
        self.assertContains(confirm, "Are you sure you want to delete the session of 1 January 2026?")
        self.assertContains(confirm, "A deleted session cannot be brought back")
        self.assertTrue(MatrixSession.objects.filter(pk=session.pk).exists())
        response = self.client.post(f"{session.get_absolute_url()}delete/", follow=True)
        self.assertRedirects(response, self.url)
        self.assertContains(response, "The session of 1 January 2026 is deleted.")
        self.assertFalse(MatrixSession.objects.filter(pk=session.pk).exists())
        self.assertFalse(MatrixRow.objects.filter(session_id=session.pk).exists())
        self.assertEqual(list(MatrixSession.objects.all()), [kept])
        self.assertNotContains(response, "1 January 2026</a>")
        self.assertEqual(self.client.get(session.get_absolute_url()).status_code, 404)


class CSVTests(MatrixSessionCase):
    def test_the_download_has_a_row_per_area(self):
        self.session(date(2025, 6, 1), purpose=MatrixEntry(current=1))
        session = self.session(
            date(2026, 1, 1),
            purpose=MatrixEntry(chosen=(2, 3, 4), target=4),
            membership=MatrixEntry(current=4, target=3),
        )
        self.client.force_login(self.leader)
        response = self.client.get(f"{session.get_absolute_url()}session.csv")
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertIn(f'filename="{self.network.slug}-{MATRIX}-2026-01-01.csv"', response["Content-Disposition"])
        rows = list(csv.reader(io.StringIO(response.content.decode())))
        self.assertEqual(rows[0], list(matrix.CSV_HEADER))
        self.assertEqual(len(rows), 1 + len(self.keys))
        self.assertEqual(rows[1], ["2026-01-01", "purpose", self.titles[0], "2 3 4", "2–4", "2", "4", "2", "", "+1"])
        self.assertEqual(rows[2], ["2026-01-01", "membership", self.titles[1], "", "", "4", "3", "-1", "yes", ""])
        self.assertEqual(rows[3][1:], ["relationships", self.titles[2], "", "", "", "", "", "", ""])

    def test_text_a_spreadsheet_would_run_is_made_safe(self):
        session = self.session(date(2026, 1, 1))
        line = matrix.session_lines(session)[0]
        line.title = "=HYPERLINK(1)"
        text = matrix.session_csv(session, [line])
        self.assertIn("'=HYPERLINK(1)", text)


@override_settings(SITE_URL="https://networks.example.org")
class PrintTests(MatrixSessionCase):
    def test_the_printed_session_carries_full_addresses_and_no_buttons(self):
        earlier = self.session(date(2025, 6, 1), purpose=MatrixEntry(current=1))
        session = self.session(date(2026, 1, 1), purpose=MatrixEntry(current=3))
        self.client.force_login(self.leader)
        page = self.client.get(session.get_absolute_url())
        self.assertContains(
            page, f'<p class="s4n-print-only">This record: https://networks.example.org{session.get_absolute_url()}</p>'
        )
        self.assertContains(
            page, f'<span class="s4n-print-only"> (https://networks.example.org{earlier.get_absolute_url()})</span>'
        )
        self.assertContains(page, '<ul class="nhsuk-list s4n-no-print">')
        self.assertContains(page, "use your browser's print option")


class AboveTargetTests(MatrixSessionCase):
    def test_a_current_level_above_the_target_is_flagged_beside_the_field_until_confirmed(self):
        self.client.force_login(self.leader)
        new = f"{self.url}new/{MATRIX}/"
        # The agreed level 4 above the target 2; the lowest chosen 3 above the target 1.
        posted = self.form_data(purpose=("", "4", "2"), membership=("3, 5", "", "1"), learning=("", "2", "4"))
        page = self.client.post(new, posted)
        self.assertContains(page, "<title>Error: ", status_code=200)
        content = page.content.decode()
        self.assertIn('href="#id_purpose-target"', content)
        self.assertIn('href="#id_membership-target"', content)
        self.assertNotIn('href="#id_learning-target"', content)
        self.assertIn('id="id_purpose-target-error"', content)
        self.assertIn("Shared purpose: the target level (2) is below the current level (4).", content)
        self.assertIn("the target level (1) is below the current level (3).", content)
        self.assertIn("Save the levels above the target as they are", content)
        self.assertIn('value="3, 5"', content)
        self.assertFalse(MatrixSession.objects.exists())

        response = self.client.post(new, {**posted, "confirm_above_target": "on"})
        session = MatrixSession.objects.get()
        self.assertRedirects(response, session.get_absolute_url(), fetch_redirect_response=False)
        page = self.client.get(session.get_absolute_url())
        self.assertContains(page, '<strong class="nhsuk-tag nhsuk-tag--orange">Above the target</strong>', count=2)
        self.assertContains(page, "In 2 areas the current level is above the target: Shared purpose, Membership")

        # Changing it later says so beside the field, and asks again on saving.
        edit = self.client.get(f"{session.get_absolute_url()}edit/")
        self.assertContains(edit, "The current level (4) is above this target.")
        self.assertContains(edit, 'name="confirm_above_target"')
        refused = self.client.post(f"{session.get_absolute_url()}edit/", {**posted, "notes": "Again"})
        self.assertContains(refused, "<title>Error: ")
        self.assertEqual(MatrixSession.objects.get().notes, "")

    def test_no_flag_when_the_levels_are_in_order(self):
        self.client.force_login(self.leader)
        page = self.client.get(f"{self.url}new/{MATRIX}/")
        self.assertNotContains(page, 'name="confirm_above_target"')
        self.client.post(f"{self.url}new/{MATRIX}/", self.form_data(purpose=("", "3", "3")))
        session = MatrixSession.objects.get()
        self.assertNotContains(self.client.get(session.get_absolute_url()), "Above the target")


class ChartTests(MatrixSessionCase):
    def svg(self):
        self.client.force_login(self.leader)
        page = self.client.get(self.url).content.decode()
        match = re.search(r'<svg class="s4n-matrix-chart__svg".*?</svg>', page, re.S)
        self.assertIsNotNone(match)
        return page, match.group(0)

    def test_one_session(self):
        self.session(date(2026, 1, 1), purpose=MatrixEntry(current=2, target=4), membership=MatrixEntry(chosen=(3,)))
        page, svg = self.svg()
        self.assertIn('role="img"', svg)
        self.assertEqual(svg.count('r="5"><title>'), 2)
        self.assertNotIn("<polyline", svg)
        self.assertIn("Shared purpose: 2 on 1 January 2026; target 4 (of 5).", svg)
        self.assertIn("Relationships and trust: not recorded (of 5).", svg)
        self.assertEqual(svg.count(">Not recorded</text>"), len(self.keys) - 2)
        self.assertIn("<title>Shared purpose, 1 January 2026: level 2 of 5</title>", svg)
        self.assertNotIn("Change since the first session", page)
        self.assertIn("Target at the latest session", page)

    def test_two_sessions(self):
        self.session(date(2025, 6, 1), purpose=MatrixEntry(current=1))
        self.session(date(2026, 1, 1), purpose=MatrixEntry(current=3, target=4), learning=MatrixEntry(current=2))
        page, svg = self.svg()
        self.assertEqual(svg.count("<polyline"), 1)
        self.assertEqual(svg.count('r="5"><title>'), 3)
        self.assertIn("Shared purpose: 1 on 1 June 2025, 3 on 1 January 2026; target 4 (of 5).", svg)
        self.assertIn("Learning and improvement: 2 on 1 January 2026 (of 5).", svg)
        self.assertIn('stroke-dasharray="6 4"', svg)
        self.assertIn("Change since the first session", page)
        row = re.search(r'<th class="nhsuk-table__header" scope="row">Shared purpose</th>(.*?)</tr>', page, re.S)
        cells = re.findall(r">([^<>]+)</td>", row.group(1))
        self.assertEqual(cells, ["1", "3", "4", "+2"])

    def test_three_sessions(self):
        for day, level in ((date(2025, 1, 1), 2), (date(2025, 6, 1), 2), (date(2026, 1, 1), 4)):
            self.session(day, purpose=MatrixEntry(current=level, target=5))
        page, svg = self.svg()
        self.assertIn(
            "Shared purpose: 2 on 1 January 2025, 2 on 1 June 2025, 4 on 1 January 2026; target 5 (of 5).", svg
        )
        points = re.findall(r'<polyline points="([^"]+)"', svg)
        self.assertEqual(len(points), 1)
        coordinates = [tuple(map(float, pair.split(","))) for pair in points[0].split()]
        # Left to right; equal levels at equal heights; a higher level drawn higher up.
        self.assertEqual(len(coordinates), 3)
        self.assertLess(coordinates[0][0], coordinates[1][0])
        self.assertLess(coordinates[1][0], coordinates[2][0])
        self.assertEqual(coordinates[0][1], coordinates[1][1])
        self.assertLess(coordinates[2][1], coordinates[1][1])
        self.assertIn(">1 January 2025</text>", svg)
        self.assertIn(">1 January 2026</text>", svg)
        row = re.search(r'<th class="nhsuk-table__header" scope="row">Shared purpose</th>(.*?)</tr>', page, re.S)
        self.assertEqual(re.findall(r">([^<>]+)</td>", row.group(1)), ["2", "2", "4", "5", "+2"])

    def test_the_list_and_chart_run_the_same_queries_for_one_session_or_many(self):
        self.client.force_login(self.leader)
        self.session(date(2020, 1, 1), purpose=MatrixEntry(current=1))
        one = count_queries(self.client, self.url)
        for year in range(2021, 2026):
            self.session(date(year, 1, 1), purpose=MatrixEntry(current=2), membership=MatrixEntry(chosen=(1, 2)))
        many = count_queries(self.client, self.url)
        assert_same_query_count(one, many)
        self.assertEqual(many.response.content.decode().count("<polyline"), 2)

    def test_no_sessions_no_chart(self):
        self.client.force_login(self.leader)
        page = self.client.get(self.url)
        self.assertContains(page, "No sessions have been recorded yet.")
        self.assertNotContains(page, '<svg class="s4n-matrix-chart__svg"')
