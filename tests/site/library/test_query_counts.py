"""Listings stay fast as the library grows: the number of database queries for a page of
results is the same with 1 item as with 50."""

from datetime import timedelta

from django.test import TestCase
from django.utils import timezone

from casestudies.factories import CaseStudyPageFactory
from casestudies.models import CaseStudyPage
from events.factories import EventPageFactory
from events.models import EventPage
from resources.factories import ResourcePageFactory
from resources.models import ResourcePage
from source4networks.factories import region, sector
from tests.queries import assert_same_query_count, count_queries

from .helpers import result_titles

ITEMS = 50


class ListingQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        health, housing, london = sector("health"), sector("housing"), region("london")
        for number in range(ITEMS):
            ResourcePageFactory(
                title=f"Network resource {number}", topics=["Common", f"Own {number}"], sectors=[health, housing]
            )
            CaseStudyPageFactory(
                title=f"Network case study {number}",
                topics=["Common", f"Own {number}"],
                sectors=[health, housing],
                region=london,
            )
            EventPageFactory(
                title=f"Network event {number}",
                start=timezone.now() + timedelta(days=number + 1),
                topics=["Common", f"Own {number}"],
            )

    def count_listing_queries(self, url, shown):
        counted = count_queries(self.client, url)
        self.assertEqual(len(result_titles(counted.response)), shown)
        return counted

    def keep_only_one(self, model):
        first = model.objects.order_by("pk").first()
        model.objects.exclude(pk=first.pk).update(live=False)

    def assert_same_with_one_and_fifty(self, model, urls):
        with_fifty = {url: self.count_listing_queries(url, 20) for url in urls}
        self.keep_only_one(model)
        for url in urls:
            with self.subTest(url=url):
                assert_same_query_count(with_fifty[url], self.count_listing_queries(url, 1))

    def test_resource_listing(self):
        self.assert_same_with_one_and_fifty(
            ResourcePage,
            [
                "/resources/",
                "/resources/?sort=title&type=guide&topic=common&sector=health&sector=housing",
                "/resources/?q=network",
                "/resources/?q=network&sort=newest&type=guide&topic=common&sector=health",
            ],
        )

    def test_case_study_listing(self):
        self.assert_same_with_one_and_fifty(
            CaseStudyPage,
            [
                "/case-studies/",
                "/case-studies/?sort=title&region=london&topic=common&sector=housing&network_type=clinical-network",
                "/case-studies/?q=network&region=london",
            ],
        )

    def test_upcoming_events_listing(self):
        self.assert_same_with_one_and_fifty(EventPage, ["/events/", "/events/?topic=common"])

    def test_past_events_listing(self):
        ended = timezone.now() - timedelta(days=2)
        EventPage.objects.update(start=ended - timedelta(hours=2), end=ended)
        self.assert_same_with_one_and_fifty(EventPage, ["/events/?when=past", "/events/?when=past&topic=common"])
