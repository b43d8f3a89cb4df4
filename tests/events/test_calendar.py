"""The .ics download of an event."""

from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.test import TestCase
from wagtail.models import PageViewRestriction

from events.factories import EventPageFactory
from events.models import EventPage
from resources.factories import ResourcePageFactory

UK = ZoneInfo("Europe/London")


class CalendarTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.event = EventPageFactory(
            title="Network leaders' summit",
            summary="A day together.",
            start=datetime(2040, 7, 3, 9, 0, tzinfo=UTC),
            end=datetime(2040, 7, 3, 16, 30, tzinfo=UTC),
            attendance=EventPage.Attendance.IN_PERSON,
            address="Quarry House\nLeeds",
            booking_url="https://events.example.org/summit",
        )
        cls.online = EventPageFactory(title="Winter webinar", start=datetime(2040, 1, 10, 12, 0, tzinfo=UTC))

    def download(self, event):
        response = self.client.get(f"{event.url}event.ics")
        self.assertEqual(response.status_code, 200)
        return response, icalendar.Calendar.from_ical(response.content)

    def test_is_a_calendar_file_download(self):
        response, _ = self.download(self.event)
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        self.assertEqual(response["Content-Disposition"], 'attachment; filename="network-leaders-summit.ics"')

    def test_one_event_with_uk_times(self):
        _, calendar = self.download(self.event)
        events = calendar.walk("VEVENT")
        self.assertEqual(len(events), 1)
        vevent = events[0]
        start, end = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
        # 09:00 UTC in July is 10:00 in the UK, and the file says so in UK time.
        self.assertEqual(start, datetime(2040, 7, 3, 10, 0, tzinfo=UK))
        self.assertEqual((start.hour, end.hour, end.minute), (10, 17, 30))
        self.assertEqual(vevent["DTSTART"].params["TZID"], "Europe/London")
        self.assertEqual([tz["TZID"] for tz in calendar.walk("VTIMEZONE")], ["Europe/London"])

    def test_event_details(self):
        _, calendar = self.download(self.event)
        vevent = calendar.walk("VEVENT")[0]
        self.assertEqual(str(vevent["SUMMARY"]), "Network leaders' summit")
        self.assertEqual(str(vevent["LOCATION"]), "Quarry House, Leeds")
        self.assertEqual(str(vevent["URL"]), "http://testserver/events/network-leaders-summit/")
        self.assertIn("A day together.", str(vevent["DESCRIPTION"]))
        self.assertIn("https://events.example.org/summit", str(vevent["DESCRIPTION"]))
        self.assertEqual(str(vevent["UID"]), f"event-{self.event.pk}@{urlsplit(settings.SITE_URL).hostname}")

    def test_same_uid_every_time_so_calendars_update_not_duplicate(self):
        _, first = self.download(self.online)
        _, second = self.download(self.online)
        self.assertEqual(first.walk("VEVENT")[0]["UID"], second.walk("VEVENT")[0]["UID"])

    def test_winter_times_are_gmt(self):
        _, calendar = self.download(self.online)
        start = calendar.walk("VEVENT")[0].decoded("DTSTART")
        self.assertEqual((start.hour, start.utcoffset()), (12, timedelta(0)))
        self.assertEqual(str(calendar.walk("VEVENT")[0]["LOCATION"]), "Online")

    def test_drafts_and_unknown_events_are_not_found(self):
        draft = EventPageFactory(title="Draft meeting", live=False)
        self.assertEqual(self.client.get(f"{draft.url}event.ics").status_code, 404)
        self.assertEqual(self.client.get("/events/no-such-event/event.ics").status_code, 404)
        # Only events have calendar files.
        resource = ResourcePageFactory(title="Not an event")
        self.assertEqual(self.client.get(f"{resource.url}event.ics").status_code, 404)

    def test_private_event_is_not_found(self):
        PageViewRestriction.objects.create(
            page=self.online, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        self.assertEqual(self.client.get(f"{self.online.url}event.ics").status_code, 404)
