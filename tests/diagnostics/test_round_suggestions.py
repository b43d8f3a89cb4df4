"""Round results lead somewhere (issue 9, point 4; PRODUCT.md 6.3).

A closed round's results show, for each dimension banded below the top band, the dimension's
guidance and matched resources and case studies, as personal results do. On any results page a
page is suggested under one dimension at most: the one it matches best, then the newest.
"""

import re
from datetime import timedelta

from django.test import TestCase
from django.utils import timezone

from casestudies.factories import CaseStudyPageFactory
from community.members.factories import make_member
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Membership
from diagnostics.factories import NetworkRoundFactory, ResponseFactory, RoundResponseFactory, current_version
from diagnostics.models import NetworkRound
from resources.factories import ResourcePageFactory

from .helpers import SCORECARD, instrument_data

# The shipped scorecard's topics: purpose ["network leadership", "member engagement"], capacity
# ["funding and sustainability", "network leadership"], performance and operations others.


def lowest(data):
    return {item.key: 5 if item.reverse else 1 for item in data.items}


def section(html, key):
    """The "What to work on" section of one dimension."""
    return html.split(f'id="guidance-{key}"')[1].split("</section>")[0]


def titles_in(html, prefix):
    return re.findall(rf">({prefix}[^<]*)</a>", html)


class SuggestionTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        now = timezone.now()
        cls.data = instrument_data(SCORECARD)
        # Newest, matching purpose and capacity once each: purpose, listed first, takes it.
        ResourcePageFactory(title="Resource shared", topics=["Network leadership"], first_published_at=now)
        # Older, but matching two of capacity's topics and one of purpose's: capacity's.
        ResourcePageFactory(
            title="Resource for capacity",
            topics=["network leadership", "funding and sustainability"],
            first_published_at=now - timedelta(days=30),
        )
        # Oldest, matching both of purpose's topics: purpose's, and first in its list.
        ResourcePageFactory(
            title="Resource for purpose",
            topics=["network leadership", "member engagement"],
            first_published_at=now - timedelta(days=60),
        )
        for n in range(3):
            CaseStudyPageFactory(
                title=f"Case study {n}", topics=["network leadership"], first_published_at=now - timedelta(days=n)
            )

    def assert_spread(self, html):
        self.assertIn("What to work on", html)
        for dimension in self.data.dimensions:
            self.assertIn(dimension.guidance["priority"].replace("'", "&#x27;"), html)
        purpose, capacity = section(html, "purpose"), section(html, "capacity")
        self.assertEqual(titles_in(purpose, "Resource"), ["Resource for purpose", "Resource shared"])
        self.assertEqual(titles_in(capacity, "Resource"), ["Resource for capacity"])
        # Case studies 0 and 1 are the newest two for purpose; capacity gets the next one.
        self.assertEqual(titles_in(purpose, "Case study"), ["Case study 0", "Case study 1"])
        self.assertEqual(titles_in(capacity, "Case study"), ["Case study 2"])
        for title in ["Resource shared", "Resource for capacity", "Resource for purpose", "Case study 0"]:
            self.assertEqual(html.count(f">{title}</a>"), 1, title)


class RoundSuggestionTests(SuggestionTestCase):
    def setUp(self):
        self.leader = make_member()
        self.network = NetworkFactory()
        add_member(self.network, self.leader, role=Membership.Role.LEADER)
        self.round = NetworkRoundFactory(network=self.network, opened_by=self.leader)
        RoundResponseFactory.create_batch(3, round=self.round, answers=lowest(self.data))
        self.client.force_login(self.leader)

    def test_a_closed_rounds_weak_dimensions_show_guidance_and_spread_suggestions(self):
        NetworkRound.objects.filter(pk=self.round.pk).update(closed=True)
        self.assert_spread(self.client.get(self.round.get_results_url()).content.decode())

    def test_an_open_round_suggests_nothing(self):
        page = self.client.get(self.round.get_results_url())
        self.assertNotContains(page, "What to work on")
        self.assertNotContains(page, "Resource shared")

    def test_strong_dimensions_get_no_suggestions(self):
        best = {item.key: 1 if item.reverse else 5 for item in self.data.items}
        strong = NetworkRoundFactory(network=self.network, opened_by=self.leader, closed=True)
        RoundResponseFactory.create_batch(3, round=strong, answers=best)
        page = self.client.get(strong.get_results_url())
        self.assertContains(page, "s4n-results-table")
        self.assertNotContains(page, "What to work on")


class PersonalSuggestionTests(SuggestionTestCase):
    def test_personal_results_spread_suggestions_too(self):
        member = make_member()
        response = ResponseFactory(user=member, version=current_version(SCORECARD), answers=lowest(self.data))
        self.client.force_login(member)
        self.assert_spread(self.client.get(response.get_absolute_url()).content.decode())
