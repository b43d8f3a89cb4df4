"""Networks are found by site search; hidden networks never are."""

from community.networks.factories import NetworkFactory
from tests.community.base import CommunityTestCase


class NetworkSearchTests(CommunityTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.listed = NetworkFactory(name="Coastal Stroke Network", summary="Stroke services working together.")
        cls.hidden = NetworkFactory(name="Secret Stroke Circle", summary="Stroke leads only.", hidden=True)

    def test_a_listed_network_is_found_with_its_type(self):
        response = self.client.get("/search/", {"q": "stroke"})
        self.assertContains(response, "Coastal Stroke Network")
        self.assertContains(response, self.listed.get_absolute_url())
        networks = next(item for item in response.context["type_filters"] if item["key"] == "networks")
        self.assertEqual(networks["count"], 1)

    def test_a_hidden_network_is_never_found(self):
        for params in ({"q": "stroke"}, {"q": "secret"}, {"q": "stroke", "type": "networks"}):
            response = self.client.get("/search/", params)
            self.assertNotContains(response, "Secret Stroke Circle")

    def test_the_networks_filter_shows_networks_only(self):
        response = self.client.get("/search/", {"q": "stroke", "type": "networks"})
        self.assertContains(response, "Coastal Stroke Network")
        self.assertEqual([hit.type.key for hit in response.context["results"]], ["networks"])
