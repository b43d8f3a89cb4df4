"""The network directory: filters, counts, featured first, hidden networks never listed, flat
query counts, and bad values in the address reported as in the library (never a server error)."""

from django.urls import reverse

from community.members.factories import make_member
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Membership
from source4networks.factories import region, sector
from tests.community.base import CommunityTestCase
from tests.community.directories import WEIRD_VALUES, error_summary, field_error, field_value, page_title
from tests.queries import assert_same_query_count, count_queries


class NetworkDirectoryTests(CommunityTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.stroke = NetworkFactory(name="Coastal Stroke Network", network_type="clinical-network", featured=True)
        cls.stroke.regions.set([region("south-west")])
        cls.stroke.sectors.set([sector("health")])
        cls.stroke.topics.set(["stroke", "rehabilitation"])
        cls.housing = NetworkFactory(name="Tenant Health Alliance", network_type="voluntary-alliance")
        cls.housing.regions.set([region("midlands")])
        cls.housing.sectors.set([sector("housing")])
        cls.housing.topics.set(["housing"])
        NetworkFactory(name="Secret Circle", hidden=True)

    def get(self, **params):
        return self.client.get(reverse("community:network_directory"), params)

    def test_lists_visible_networks_featured_first(self):
        response = self.get()
        content = response.content.decode()
        self.assertContains(response, "2 networks")
        self.assertLess(content.index("Coastal Stroke Network"), content.index("Tenant Health Alliance"))
        self.assertNotContains(response, "Secret Circle")

    def test_filters(self):
        cases = [
            ({"type": "voluntary-alliance"}, "Tenant Health Alliance", "Coastal Stroke Network"),
            ({"region": "south-west"}, "Coastal Stroke Network", "Tenant Health Alliance"),
            ({"sector": "housing"}, "Tenant Health Alliance", "Coastal Stroke Network"),
            ({"topic": "rehabilitation"}, "Coastal Stroke Network", "Tenant Health Alliance"),
            ({"q": "tenant"}, "Tenant Health Alliance", "Coastal Stroke Network"),
        ]
        for params, present, absent in cases:
            with self.subTest(params=params):
                response = self.get(**params)
                self.assertContains(response, present)
                self.assertNotContains(response, absent)
                self.assertContains(response, "1 network matches your filters")
                self.assertContains(response, 'href="/networks/">Clear filters')
        self.assertNotContains(self.get(q="Secret"), "Secret Circle")

    def test_directory_query_count_is_flat(self):
        url = reverse("community:network_directory")
        few = count_queries(self.client, url)
        for _ in range(50):
            network = NetworkFactory()
            network.regions.set([region("london"), region("midlands")])
            network.sectors.set([sector("health")])
        assert_same_query_count(few, count_queries(self.client, url))

    def test_unknown_type_region_and_sector_are_reported_and_the_other_filters_apply(self):
        response = self.get(type="bogus", region="atlantis", sector="Housing", topic="rehabilitation")
        self.assertEqual(response.status_code, 200)
        messages = [
            ("There is no type called “bogus”, so the list is not filtered by it", "#id_type"),
            ("There is no region called “atlantis”, so the list is not filtered by it", "#id_region"),
            ("There is no sector called “Housing”, so the list is not filtered by it", "#id_sector"),
        ]
        self.assertEqual(error_summary(response), messages)
        for message, link in messages:
            self.assertEqual(field_error(response, link[1:]), f"Error: {message}")
            self.assertEqual(field_value(response, link[1:]), "")
        self.assertTrue(page_title(response).startswith("Error: Networks directory"))
        self.assertContains(response, "Coastal Stroke Network")
        self.assertNotContains(response, "Tenant Health Alliance")
        self.assertContains(response, "1 network matches your filters")

    def test_overlong_search_and_topic_are_refused_and_kept(self):
        query, topic = "stroke " * 30, "t" * 101
        response = self.get(q=query, topic=topic, sector="housing")
        self.assertEqual(response.status_code, 200)
        # The topic is a list of the topics networks use (issue 9): an unknown one is reported.
        unknown_topic = f"There is no topic called “{'t' * 39}…”, so the list is not filtered by it"
        self.assertEqual(
            error_summary(response),
            [
                ("Your search must be 200 characters or fewer", "#id_q"),
                (unknown_topic, "#id_topic"),
            ],
        )
        self.assertEqual(field_error(response, "id_q"), "Error: Your search must be 200 characters or fewer")
        self.assertEqual(field_error(response, "id_topic"), f"Error: {unknown_topic}")
        self.assertEqual(field_value(response, "id_q"), query)
        self.assertEqual(field_value(response, "id_topic"), "")
        self.assertEqual(field_value(response, "id_sector"), "housing")
        self.assertContains(response, "Tenant Health Alliance")
        self.assertContains(response, "1 network matches your filters")

    def test_good_values_give_no_messages(self):
        response = self.get(q="stroke", type="clinical-network", region="south-west", sector="health", topic="Stroke")
        self.assertEqual(error_summary(response), [])
        self.assertFalse(page_title(response).startswith("Error"))
        self.assertContains(response, "1 network matches your filters")

    def test_weird_values_give_a_normal_page(self):
        for name in ("q", "type", "region", "sector", "topic", "page"):
            for value in WEIRD_VALUES:
                with self.subTest(name=name, value=value[:20]):
                    response = self.get(**{name: value})
                    self.assertEqual(response.status_code, 200)
                    self.assertNotContains(response, "<script>alert(1)</script>")
                    self.assertNotContains(response, "Secret Circle")

    def test_network_page_query_count_is_flat_and_shows_only_opted_in_members(self):
        leader = make_member(display_name="Lena Leader")
        add_member(self.stroke, leader, role=Membership.Role.LEADER)
        add_member(self.stroke, make_member(display_name="Shown Sara"), shown=True)
        add_member(self.stroke, make_member(display_name="Private Pete"), shown=False)
        url = reverse("community:network_detail", args=[self.stroke.slug])
        viewer = make_member()
        self.client.force_login(viewer)
        page = self.client.get(url)
        self.assertContains(page, "Lena Leader")
        self.assertContains(page, "Shown Sara")
        self.assertNotContains(page, "Private Pete")

        few = count_queries(self.client, url)
        for number in range(50):
            add_member(self.stroke, make_member(), shown=number % 2 == 0)
        assert_same_query_count(few, count_queries(self.client, url))
