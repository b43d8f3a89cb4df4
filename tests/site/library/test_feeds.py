"""RSS feeds of the library: resources, case studies and events."""

from datetime import timedelta

import feedparser
from django.test import TestCase
from django.utils import timezone
from wagtail.models import PageViewRestriction

from casestudies.factories import CaseStudyPageFactory
from events.factories import EventPageFactory
from resources.factories import ResourcePageFactory


def days_ago(days):
    return timezone.now() - timedelta(days=days)


class FeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        ResourcePageFactory(title="Older resource", topics=["Leadership"], first_published_at=days_ago(3))
        ResourcePageFactory(title="Newer resource", first_published_at=days_ago(1))
        ResourcePageFactory(title="Draft resource", live=False)
        private = ResourcePageFactory(title="Private resource")
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
        CaseStudyPageFactory(title="Published case study")
        CaseStudyPageFactory(title="Draft case study", live=False)
        EventPageFactory(title="Upcoming event", start=timezone.now() + timedelta(days=3))
        EventPageFactory(title="Draft event", start=timezone.now() + timedelta(days=3), live=False)
        EventPageFactory(title="Finished event", start=timezone.now() - timedelta(days=3))

    def parse(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("application/rss+xml"))
        feed = feedparser.parse(response.content)
        self.assertFalse(feed.bozo, feed.get("bozo_exception"))
        return feed

    def test_resource_feed_lists_live_public_resources_newest_first(self):
        feed = self.parse("/resources/feed/")
        self.assertEqual([entry.title for entry in feed.entries], ["Newer resource", "Older resource"])
        self.assertEqual(feed.feed.link, "http://testserver/resources/")
        older = feed.entries[1]
        self.assertEqual(older.link, "http://testserver/resources/older-resource/")
        self.assertEqual(older.summary, "A short summary of Older resource.")
        self.assertEqual([tag.term for tag in older.tags], ["Leadership"])

    def test_case_study_feed_lists_only_live_case_studies(self):
        feed = self.parse("/case-studies/feed/")
        self.assertEqual([entry.title for entry in feed.entries], ["Published case study"])

    def test_event_feed_lists_upcoming_live_events_with_their_dates(self):
        feed = self.parse("/events/feed/")
        self.assertEqual(len(feed.entries), 1)
        entry = feed.entries[0]
        self.assertTrue(entry.title.startswith("Upcoming event ("))
        self.assertIn("Online", entry.summary)
