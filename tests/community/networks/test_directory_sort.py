"""The network directory's sort (featured first, name, newest, most members) and its folded
filters, and the join button near the top of a network page."""

from datetime import timedelta

from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from community.members.factories import make_member
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import JoinPolicy, Membership, Network
from source4networks.factories import region
from tests.community.base import CommunityTestCase
from tests.community.directories import error_summary
from tests.queries import assert_same_query_count, count_queries

URL = reverse("community:network_directory")


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def names(response):
    return [link.get_text(strip=True) for link in soup(response).select(".nhsuk-card__heading a")]


class NetworkSortTests(CommunityTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.big = NetworkFactory(name="Big Network")
        cls.alpha = NetworkFactory(name="alpha network")
        cls.featured = NetworkFactory(name="Zebra Network", featured=True)
        now = timezone.now()
        for days, network in enumerate([cls.featured, cls.alpha, cls.big]):
            Network.objects.filter(pk=network.pk).update(created_at=now - timedelta(days=days))
        for number in range(3):
            add_member(cls.big, make_member(username=f"big-{number}"))
        add_member(cls.alpha, make_member(username="alpha-1"))
        # A request waiting for a leader is not a member yet.
        add_member(cls.alpha, make_member(username="alpha-2"), status=Membership.Status.PENDING)
        add_member(cls.alpha, make_member(username="alpha-3"), status=Membership.Status.PENDING)
        add_member(cls.alpha, make_member(username="alpha-4"), status=Membership.Status.PENDING)

    def test_each_sort_orders_the_directory(self):
        cases = {
            "": ["Zebra Network", "alpha network", "Big Network"],
            "featured": ["Zebra Network", "alpha network", "Big Network"],
            "name": ["alpha network", "Big Network", "Zebra Network"],
            "newest": ["Zebra Network", "alpha network", "Big Network"],
            "members": ["Big Network", "alpha network", "Zebra Network"],
        }
        for sort, expected in cases.items():
            with self.subTest(sort=sort):
                self.assertEqual(names(self.client.get(URL, {"sort": sort} if sort else {})), expected)

    def test_newest_is_by_when_the_network_was_added(self):
        Network.objects.filter(pk=self.big.pk).update(created_at=timezone.now() + timedelta(days=1))
        self.assertEqual(names(self.client.get(URL, {"sort": "newest"}))[0], "Big Network")

    def test_cards_show_active_member_counts(self):
        cards = {
            card.select_one("h2").get_text(strip=True): card.get_text(" ", strip=True)
            for card in soup(self.client.get(URL)).select(".nhsuk-card")
        }
        self.assertIn("3 members on Source4Networks", cards["Big Network"])
        self.assertIn("1 member on Source4Networks", cards["alpha network"])
        self.assertIn("0 members on Source4Networks", cards["Zebra Network"])

    def test_the_sort_is_offered_with_the_chosen_one_selected(self):
        select = soup(self.client.get(URL, {"sort": "members"})).select_one("select#id_sort")
        options = [(option["value"], option.get_text(strip=True)) for option in select.select("option")]
        self.assertEqual(
            options,
            [("featured", "Featured first"), ("name", "Name"), ("newest", "Newest"), ("members", "Most members")],
        )
        self.assertEqual(select.select_one("option[selected]")["value"], "members")

    def test_an_unknown_sort_uses_the_default_and_says_so(self):
        response = self.client.get(URL, {"sort": "cheapest"})
        self.assertEqual(names(response), ["Zebra Network", "alpha network", "Big Network"])
        self.assertEqual(
            error_summary(response), [("“cheapest” is not a choice for sort by, so the default is used", "#id_sort")]
        )

    def test_a_sort_is_not_a_filter(self):
        response = self.client.get(URL, {"sort": "name"})
        self.assertContains(response, "3 networks</p>")
        self.assertNotContains(response, "match your filters")
        summary = soup(response).select_one("details.s4n-filter-details summary").get_text(strip=True)
        self.assertEqual(summary, "Filter")

    def test_query_count_is_flat_when_sorted_by_members(self):
        few = count_queries(self.client, URL, {"sort": "members"})
        for number in range(30):
            network = NetworkFactory()
            network.regions.set([region("london")])
            add_member(network, make_member(username=f"more-{number}"))
        assert_same_query_count(few, count_queries(self.client, URL, {"sort": "members"}))


class FoldedFiltersTests(CommunityTestCase):
    def test_filters_fold_behind_a_summary_counting_what_is_applied(self):
        NetworkFactory(name="Coastal Network").regions.set([region("south-west")])
        cases = [
            ({}, "Filter"),
            ({"region": "south-west"}, "Filter (1 active)"),
            ({"region": "south-west", "q": "coastal"}, "Filter (2 active)"),
            # A value that cannot be used is not applied, so it is not counted.
            ({"region": "atlantis", "q": "coastal"}, "Filter (1 active)"),
        ]
        for params, expected in cases:
            with self.subTest(params=params):
                details = soup(self.client.get(URL, params)).select_one("main details.nhsuk-details")
                self.assertEqual(details.select_one("summary").get_text(strip=True), expected)
                # The whole form is inside the disclosure.
                self.assertIsNotNone(details.select_one("form select#id_region"))

    def test_closed_unless_a_value_was_refused(self):
        # Closed, so that on a phone the results come first; open when the error summary links
        # to one of its fields.
        self.assertFalse(soup(self.client.get(URL)).select_one("main details").has_attr("open"))
        self.assertTrue(soup(self.client.get(URL, {"region": "atlantis"})).select_one("main details").has_attr("open"))


class JoinNearTheTopTests(CommunityTestCase):
    def test_join_button_comes_before_the_description(self):
        network = NetworkFactory(
            name="Request Network", join_policy=JoinPolicy.REQUEST, description="A long description. " * 40
        )
        self.client.force_login(make_member(username="visitor-member"))
        content = self.client.get(network.get_absolute_url()).content.decode()
        self.assertIn("Ask to join", content)
        self.assertLess(content.index("Ask to join"), content.index("A long description."))
        self.assertLess(content.index("Ask to join"), content.index("<h2>Details</h2>"))
