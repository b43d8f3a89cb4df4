"""Dates must be sensible (issue 9, point 11): a matrix session is not dated after today, and a
round closes today or later, within 5 years. The message is beside the field and what was typed
is kept."""

from datetime import date, timedelta

from django.test import SimpleTestCase, TestCase
from django.utils import timezone

from community.members.factories import make_member
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Membership
from diagnostics import matrix, rounds
from diagnostics.factories import MATRIX
from diagnostics.models import Instrument, MatrixSession, NetworkRound

from .helpers import SCORECARD


def error_beside(field, message):
    """The NHS error message beside a field."""
    hidden = '<span class="nhsuk-u-visually-hidden">Error:</span>'
    return f'<span class="nhsuk-error-message" id="id_{field}-error">{hidden} {message}</span>'


class DateFormTestCase(TestCase):
    def setUp(self):
        self.network = NetworkFactory()
        self.leader = make_member()
        add_member(self.network, self.leader, role=Membership.Role.LEADER)
        self.client.force_login(self.leader)
        self.today = timezone.localdate()


class MatrixSessionDateTests(DateFormTestCase):
    def post(self, day):
        return self.client.post(
            f"/diagnostics/networks/{self.network.slug}/matrix/new/{MATRIX}/", {"date": day, "notes": "Kept notes"}
        )

    def test_a_session_dated_after_today_is_refused(self):
        tomorrow = self.today + timedelta(days=1)
        for typed in ["31/12/9999", tomorrow.strftime("%d/%m/%Y")]:
            page = self.post(typed)
            self.assertContains(page, "<title>Error: ")
            self.assertContains(page, 'href="#id_date">The date of the session must be today or in the past</a>')
            self.assertContains(page, error_beside("date", "The date of the session must be today or in the past"))
            self.assertContains(page, f'value="{typed}"')
            self.assertContains(page, "Kept notes")
        self.assertFalse(MatrixSession.objects.exists())
        instrument = Instrument.objects.select_related("current_version").get(slug=MATRIX)
        with self.assertRaises(rounds.RoundError):
            matrix.record_session(self.network, self.leader, instrument, tomorrow, "", {})

    def test_a_session_dated_today_is_recorded(self):
        self.assertEqual(self.post(self.today.strftime("%d/%m/%Y")).status_code, 302)
        self.assertEqual(MatrixSession.objects.get().date, self.today)


class RoundClosingDateTests(DateFormTestCase):
    def post(self, day):
        instrument = Instrument.objects.get(slug=SCORECARD)
        return self.client.post(
            f"/diagnostics/networks/{self.network.slug}/rounds/new/",
            {"instrument": instrument.pk, "message": "Kept message", "mode": "online", "closes_on": day},
        )

    def test_a_closing_date_more_than_5_years_ahead_is_refused(self):
        latest = rounds.latest_closing_day(self.today)
        for typed in ["31/12/9999", (latest + timedelta(days=1)).strftime("%d/%m/%Y")]:
            page = self.post(typed)
            message = f"The closing date must be within 5 years, so {latest.day} {latest:%B %Y} at the latest"
            self.assertContains(page, error_beside("closes_on", message))
            self.assertContains(page, f'href="#id_closes_on">{message}</a>')
            self.assertContains(page, f'value="{typed}"')
            self.assertContains(page, "Kept message")
        self.assertFalse(NetworkRound.objects.exists())

    def test_a_closing_date_in_the_past_is_refused(self):
        page = self.post((self.today - timedelta(days=1)).strftime("%d/%m/%Y"))
        self.assertContains(page, error_beside("closes_on", "The closing date must be today or in the future"))

    def test_today_and_the_last_day_5_years_on_are_accepted(self):
        for day in [self.today, rounds.latest_closing_day(self.today)]:
            self.assertEqual(self.post(day.strftime("%d/%m/%Y")).status_code, 302)
        self.assertEqual(NetworkRound.objects.count(), 2)

    def test_open_round_refuses_the_same_dates(self):
        instrument = Instrument.objects.select_related("current_version").get(slug=SCORECARD)
        for day in [self.today - timedelta(days=1), rounds.latest_closing_day(self.today) + timedelta(days=1)]:
            with self.assertRaises(rounds.RoundError):
                rounds.open_round(self.network, self.leader, instrument, "Hello", day)


class LatestClosingDayTests(SimpleTestCase):
    def test_five_years_on_and_29_february(self):
        self.assertEqual(rounds.latest_closing_day(date(2026, 11, 29)), date(2031, 11, 29))
        self.assertEqual(rounds.latest_closing_day(date(2028, 2, 29)), date(2033, 2, 28))
