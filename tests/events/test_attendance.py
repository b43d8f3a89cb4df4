"""The events listing says how each event is attended and where an in-person one is, and
filters by online, in person or hybrid."""

from datetime import UTC, datetime

from django.test import TestCase

from events.factories import EventPageFactory
from events.models import EventPage
from tests.site.library.helpers import result_count_text, result_titles, soup

URL = "/events/"


class AttendanceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        EventPageFactory(title="Webinar", attendance=EventPage.Attendance.ONLINE)
        EventPageFactory(
            title="Conference",
            attendance=EventPage.Attendance.IN_PERSON,
            address="Civic Hall\nMillennium Square\nLeeds LS2 8BH",
        )
        EventPageFactory(title="Workshop", attendance=EventPage.Attendance.HYBRID, address="Town Hall, Bristol")

    def cards(self, query=""):
        found = soup(self.client.get(URL + query)).select('ul[aria-labelledby="results-count"] li')
        return {card.select_one("h3").get_text(strip=True): card.get_text(" ", strip=True) for card in found}

    def test_cards_show_how_to_attend_and_where(self):
        cards = self.cards()
        self.assertIn("Online", cards["Webinar"])
        self.assertNotIn("Where:", cards["Webinar"])
        self.assertIn("In person", cards["Conference"])
        self.assertIn("Where: Civic Hall Millennium Square Leeds LS2 8BH", cards["Conference"])
        self.assertIn("In person and online", cards["Workshop"])
        self.assertIn("Where: Town Hall, Bristol", cards["Workshop"])

    def test_an_online_event_never_shows_an_old_address(self):
        EventPageFactory(title="Moved online", attendance=EventPage.Attendance.ONLINE, address="Old venue, York")
        self.assertNotIn("Old venue", self.cards()["Moved online"])

    def test_filter_by_attendance(self):
        cases = {"online": ["Webinar"], "in-person": ["Conference"], "hybrid": ["Workshop"]}
        for value, expected in cases.items():
            with self.subTest(attendance=value):
                response = self.client.get(URL, {"attendance": value})
                self.assertEqual(sorted(result_titles(response)), expected)
                self.assertEqual(result_count_text(response), "1 upcoming event")

    def test_the_filter_is_offered_and_counted(self):
        page = soup(self.client.get(URL, {"attendance": "in-person"}))
        select = page.select_one("select#filter-attendance")
        self.assertEqual(
            [option.get_text(strip=True) for option in select.select("option")],
            ["Online or in person", "Online", "In person", "In person and online"],
        )
        self.assertEqual(select.select_one("option[selected]")["value"], "in-person")
        self.assertEqual(page.select_one("main details summary").get_text(strip=True), "Filter (1 active)")
        self.assertIn("Attendance: In person", page.select_one(".s4n-tag-list").get_text(" ", strip=True))

    def test_filter_stays_in_the_archive(self):
        EventPageFactory(
            title="Old conference",
            start=datetime(2020, 5, 1, 10, tzinfo=UTC),
            attendance=EventPage.Attendance.IN_PERSON,
            address="Leeds",
        )
        response = self.client.get(URL, {"when": "past", "attendance": "in-person"})
        self.assertEqual(result_titles(response), ["Old conference"])

    def test_unknown_attendance_is_reported_and_ignored(self):
        response = self.client.get(URL, {"attendance": "by-carrier-pigeon"})
        self.assertEqual(len(result_titles(response)), 3)
        self.assertContains(response, "There is no attendance called “by-carrier-pigeon”")
