"""Events at /events/: upcoming by default, an archive of past events, topics, the event page."""

from datetime import UTC, datetime, timedelta

from django.test import SimpleTestCase, TestCase
from django.utils import timezone

from events.calendar import format_event_when
from events.factories import EventPageFactory
from events.models import EventPage
from tests.site.library.helpers import error_summary, page_title, result_count_text, result_titles, soup, summary_rows

URL = "/events/"


def from_now(**delta):
    return timezone.now().replace(second=0, microsecond=0) + timedelta(**delta)


class EventListingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        EventPageFactory(title="Next week", start=from_now(days=7), topics=["Leadership"])
        EventPageFactory(title="Tomorrow", start=from_now(days=1), topics=["Evaluation"])
        EventPageFactory(title="Next month", start=from_now(days=30), topics=["Leadership"])
        # Started an hour ago and still running: people can still join it.
        EventPageFactory(title="Happening now", start=from_now(hours=-1), end=from_now(hours=1))
        EventPageFactory(title="Last week", start=from_now(days=-7), topics=["Leadership"])
        EventPageFactory(title="Yesterday", start=from_now(days=-1), topics=["Evaluation"])
        EventPageFactory(title="Last year", start=from_now(days=-365), topics=["Archive"])
        EventPageFactory(title="Draft upcoming", start=from_now(days=2), live=False)

    def get(self, query=""):
        response = self.client.get(URL + query)
        self.assertEqual(response.status_code, 200)
        return response

    def test_upcoming_events_soonest_first(self):
        response = self.get()
        self.assertEqual(result_titles(response), ["Happening now", "Tomorrow", "Next week", "Next month"])
        self.assertEqual(result_count_text(response), "4 upcoming events")
        self.assertNotContains(response, "Draft upcoming")

    def test_past_events_most_recent_first(self):
        response = self.get("?when=past")
        self.assertEqual(result_titles(response), ["Yesterday", "Last week", "Last year"])
        self.assertEqual(result_count_text(response), "3 past events")
        self.assertEqual(page_title(response), "Past events – Source4Networks")

    def test_links_between_upcoming_and_past(self):
        self.assertEqual(soup(self.get()).find("a", string="View past events")["href"], "/events/?when=past")
        archive = soup(self.get("?when=past&topic=leadership"))
        self.assertEqual(archive.find("a", string="View upcoming events")["href"], "/events/?topic=leadership")

    def test_filter_by_topic(self):
        response = self.get("?topic=leadership")
        self.assertEqual(result_titles(response), ["Next week", "Next month"])
        self.assertEqual(result_count_text(response), "2 upcoming events")

    def test_filter_past_events_by_topic_stays_in_the_archive(self):
        response = self.get("?when=past&topic=leadership")
        self.assertEqual(result_titles(response), ["Last week"])
        self.assertEqual(result_count_text(response), "1 past event")
        form = soup(response).select_one("form.s4n-filters")
        self.assertEqual(form.select_one('input[type="hidden"][name="when"]')["value"], "past")
        self.assertEqual(soup(response).find("a", string="Clear filters")["href"], "/events/?when=past")

    def test_cards_show_when_and_how(self):
        card = soup(self.get("?topic=evaluation")).select_one('ul[aria-labelledby="results-count"] li')
        text = card.get_text(" ", strip=True)
        self.assertIn("Online", text)
        self.assertIn("Topics: Evaluation", text)

    def test_unknown_when_shows_upcoming_with_a_message(self):
        response = self.get("?when=someday")
        self.assertEqual(result_titles(response), ["Happening now", "Tomorrow", "Next week", "Next month"])
        self.assertEqual(
            error_summary(response), [("“someday” is not a choice for which events, so the default is used", None)]
        )

    def test_a_topic_with_nothing_upcoming(self):
        response = self.get("?topic=archive")
        self.assertEqual(result_titles(response), [])
        self.assertEqual(result_count_text(response), "0 upcoming events")
        self.assertContains(response, "No upcoming events match what you chose")
        self.assertEqual(result_titles(self.get("?topic=archive&when=past")), ["Last year"])

    def test_feed_is_advertised(self):
        link = soup(self.get()).select_one('link[rel="alternate"][type="application/rss+xml"]')
        self.assertEqual(link["href"], "/events/feed/")


class EventPaginationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        for number in range(22):
            EventPageFactory(title=f"Event in {number + 1:02d} days", start=from_now(days=number + 1))

    def test_pages(self):
        first = self.client.get(URL)
        self.assertEqual(len(result_titles(first)), 20)
        self.assertEqual(result_count_text(first), "22 upcoming events")
        second = self.client.get(URL + "?page=2")
        self.assertEqual(result_titles(second), ["Event in 21 days", "Event in 22 days"])
        self.assertEqual(page_title(second), "Events (page 2) – Source4Networks")
        self.assertEqual(result_titles(self.client.get(URL + "?page=xyz"))[0], "Event in 01 days")


class EventPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # 09:00 to 11:00 UTC on a July day is 10am to midday in the UK (summer time).
        cls.summer = EventPageFactory(
            title="Summer workshop",
            summary="A day of sharing practice.",
            start=datetime(2040, 7, 3, 9, 0, tzinfo=UTC),
            end=datetime(2040, 7, 3, 11, 0, tzinfo=UTC),
            attendance=EventPage.Attendance.HYBRID,
            address="Quarry House\nLeeds\nLS2 7UE",
            booking_url="https://events.example.org/summer",
            topics=["Leadership"],
        )
        cls.past = EventPageFactory(
            title="Old webinar", start=from_now(days=-30), booking_url="https://events.example.org/old"
        )

    def test_shows_date_time_in_uk_time_and_place(self):
        response = self.client.get(self.summer.url)
        rows = summary_rows(response)
        self.assertEqual(rows["Date and time"], "Tuesday 3 July 2040, 10am to midday (UK time)")
        self.assertIn("In person and online", rows["Where"])
        self.assertIn("Quarry House", rows["Where"])
        self.assertIn("LS2 7UE", rows["Where"])
        self.assertEqual(len(soup(response).find_all("h1")), 1)

    def test_booking_and_calendar_links(self):
        page = soup(self.client.get(self.summer.url))
        booking = page.select_one("main a.nhsuk-button")
        self.assertEqual(booking["href"], "https://events.example.org/summer")
        self.assertEqual(booking.get_text(" ", strip=True), "Book a place at Summer workshop")
        calendar = page.select_one('main a[href$=".ics"]')
        self.assertEqual(calendar["href"], f"{self.summer.url}event.ics")
        self.assertTrue(calendar.get_text(strip=True).startswith("Add to calendar (.ics)"))

    def test_topics_link_to_filtered_events(self):
        link = soup(self.client.get(self.summer.url)).select_one(".nhsuk-summary-list a[href*='topic=']")
        self.assertEqual(link["href"], "/events/?topic=leadership")

    def test_past_event_says_it_has_ended_and_offers_no_booking(self):
        response = self.client.get(self.past.url)
        self.assertContains(response, "This event has ended.")
        self.assertNotContains(response, "https://events.example.org/old")

    def test_card_label(self):
        self.assertEqual(self.summer.card_label, "Event, 3 July 2040")


class EventWhenTests(SimpleTestCase):
    """Date and time ranges read the NHS way, in UK time whatever the season."""

    def test_winter_afternoon(self):
        start = datetime(2040, 1, 15, 14, 30, tzinfo=UTC)
        self.assertEqual(
            format_event_when(start, start + timedelta(hours=1)), "Sunday 15 January 2040, 2:30pm to 3:30pm"
        )

    def test_summer_time_moves_the_clock(self):
        start = datetime(2040, 6, 1, 8, 0, tzinfo=UTC)
        self.assertEqual(format_event_when(start, start + timedelta(minutes=45)), "Friday 1 June 2040, 9am to 9:45am")

    def test_over_several_days_names_both(self):
        start = datetime(2040, 3, 1, 9, 0, tzinfo=UTC)
        self.assertEqual(
            format_event_when(start, start + timedelta(days=1, hours=7)),
            "Thursday 1 March 2040, 9am to Friday 2 March 2040, 4pm",
        )

    def test_until_midnight(self):
        start = datetime(2040, 1, 15, 22, 0, tzinfo=UTC)
        self.assertEqual(
            format_event_when(start, start + timedelta(hours=2)),
            "Sunday 15 January 2040, 10pm to Monday 16 January 2040, midnight",
        )
