"""Each search result says when: the day an event takes place, the day a page was published,
or the day anything else (a thread, a reply, a network) was added, in UK time."""

from datetime import UTC, datetime

from bs4 import BeautifulSoup
from django.test import TestCase

from community.discussions.factories import SpaceFactory, make_thread
from community.members.factories import make_member
from community.networks.factories import NetworkFactory
from community.networks.models import Network
from events.factories import EventPageFactory
from resources.factories import ResourcePageFactory


def result_lines(response):
    """{title: the result's text} for each result."""
    page = BeautifulSoup(response.content, "html.parser")
    return {
        item.select_one("h3").get_text(strip=True): item.get_text(" ", strip=True)
        for item in page.select("#search-results li")
    }


class SearchDateTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        ResourcePageFactory(title="Beacon toolkit", first_published_at=datetime(2026, 3, 2, 9, tzinfo=UTC))
        start = datetime(2027, 6, 30, 23, 30, tzinfo=UTC)  # 1 July in UK time (summer time)
        EventPageFactory(title="Beacon webinar", start=start, first_published_at=datetime(2026, 1, 5, tzinfo=UTC))
        thread = make_thread(
            SpaceFactory(kind="open"),
            make_member(username="beacon-poster"),
            title="Beacon thread",
            created_at=datetime(2026, 4, 9, 12, tzinfo=UTC),
        )
        # 1 September in UK time (summer time).
        thread.posts.create(
            author=thread.author, body="A beacon reply.", created_at=datetime(2026, 8, 31, 23, 30, tzinfo=UTC)
        )
        network = NetworkFactory(name="Beacon Network")
        Network.objects.filter(pk=network.pk).update(created_at=datetime(2025, 12, 31, 23, 59, tzinfo=UTC))

    def test_each_result_shows_its_date(self):
        lines = result_lines(self.client.get("/search/", {"q": "beacon"}))
        self.assertIn("Published 2 March 2026", lines["Beacon toolkit"])
        # An event shows when it takes place, not when it was published.
        self.assertIn("Event on 1 July 2027", lines["Beacon webinar"])
        self.assertNotIn("Published", lines["Beacon webinar"])
        self.assertIn("Added 9 April 2026", lines["Beacon thread"])
        self.assertIn("Added 1 September 2026", lines["Reply in “Beacon thread”"])
        self.assertIn("Added 31 December 2025", lines["Beacon Network"])

    def test_dates_are_machine_readable(self):
        page = BeautifulSoup(self.client.get("/search/", {"q": "beacon toolkit"}).content, "html.parser")
        time = page.select_one("#search-results li time")
        self.assertEqual(time["datetime"], "2026-03-02")
        self.assertEqual(time.get_text(strip=True), "2 March 2026")
