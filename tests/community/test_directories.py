"""Member and network directories: opt-in, filters, counts, paging and flat query counts."""

from django.urls import reverse

from community.factories import NetworkFactory, add_member, make_member
from community.models import Membership
from source4networks.factories import region, sector
from tests.community.base import CommunityTestCase
from tests.queries import assert_same_query_count, count_queries


class MemberDirectoryTests(CommunityTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.viewer = make_member()
        cls.listed = make_member(
            display_name="Grace Adeyemi",
            organisation="Riverside Trust",
            region=region("london"),
            sector=sector("health"),
            show_in_directory=True,
            interests=["frailty", "digital inclusion"],
        )
        cls.other_listed = make_member(
            display_name="Tom Ellery",
            organisation="Moor Council",
            region=region("north-west"),
            sector=sector("local-government"),
            show_in_directory=True,
            interests=["housing"],
        )
        cls.unlisted = make_member(display_name="Hidden Harriet", show_in_directory=False)

    def setUp(self):
        super().setUp()
        self.client.force_login(self.viewer)

    def get(self, **params):
        return self.client.get(reverse("community:member_directory"), params)

    def test_only_members_who_opted_in_are_listed(self):
        response = self.get()
        self.assertContains(response, "Grace Adeyemi")
        self.assertContains(response, "Tom Ellery")
        self.assertNotContains(response, "Hidden Harriet")
        self.assertContains(response, "2 members")

    def test_filters(self):
        cases = [
            ({"region": "london"}, "Grace Adeyemi", "Tom Ellery"),
            ({"sector": "local-government"}, "Tom Ellery", "Grace Adeyemi"),
            ({"interest": "digital-inclusion"}, "Grace Adeyemi", "Tom Ellery"),
            ({"interest": "Housing"}, "Tom Ellery", "Grace Adeyemi"),
            ({"q": "riverside"}, "Grace Adeyemi", "Tom Ellery"),
            ({"q": "ellery"}, "Tom Ellery", "Grace Adeyemi"),
        ]
        for params, present, absent in cases:
            with self.subTest(params=params):
                response = self.get(**params)
                self.assertContains(response, present)
                self.assertNotContains(response, absent)
                self.assertContains(response, "1 member match your filters")
                self.assertContains(response, "Clear filters")

    def test_hidden_member_is_never_found_by_search(self):
        self.assertNotContains(self.get(q="Harriet"), "Hidden Harriet")

    def test_query_count_is_flat(self):
        url = reverse("community:member_directory")
        few = count_queries(self.client, url)
        for number in range(50):
            make_member(show_in_directory=True, interests=[f"topic {number}", "shared"], region=region("london"))
        assert_same_query_count(few, count_queries(self.client, url))


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
                self.assertContains(response, "1 network match your filters")
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
