"""The networks directory's topic filter offers the topics listed networks use (issue 9 point
8): choosing one filters the list, a topic named as people write it finds its networks, and an
unknown topic is reported like any other unknown choice while the other filters still apply."""

from bs4 import BeautifulSoup
from django.urls import reverse

from community.networks.factories import NetworkFactory
from source4networks.factories import region
from tests.community.base import CommunityTestCase
from tests.queries import assert_same_query_count, count_queries


def topic_options(response):
    select = BeautifulSoup(response.content, "html.parser").select_one("select#id_topic")
    assert select is not None, "the topic filter is not a list to choose from"
    return [(option["value"], option.get_text(strip=True)) for option in select.select("option")]


def error_summary(response):
    page = BeautifulSoup(response.content, "html.parser")
    return [(item.get_text(strip=True), item.a["href"]) for item in page.select(".nhsuk-error-summary__list li")]


class DirectoryTopicTests(CommunityTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.stroke = NetworkFactory(name="Coastal Stroke Network", network_type="clinical-network")
        cls.stroke.topics.set(["Stroke", "Quality improvement"])
        cls.stroke.regions.set([region("south-west")])
        cls.housing = NetworkFactory(name="Tenant Health Alliance", network_type="voluntary-alliance")
        cls.housing.topics.set(["Housing"])
        cls.housing.regions.set([region("midlands")])
        hidden = NetworkFactory(name="Secret Circle", hidden=True)
        hidden.topics.set(["Secret topic"])

    def get(self, **params):
        return self.client.get(reverse("community:network_directory"), params)

    def listed(self, response):
        names = {"Coastal Stroke Network", "Tenant Health Alliance", "Secret Circle"}
        return {name for name in names if name in response.content.decode()}

    def test_the_topics_of_listed_networks_are_offered(self):
        self.assertEqual(
            topic_options(self.get()),
            [
                ("", "All topics"),
                ("housing", "Housing"),
                ("quality-improvement", "Quality improvement"),
                ("stroke", "Stroke"),
            ],
        )

    def test_choosing_a_topic_filters_the_list(self):
        response = self.get(topic="quality-improvement")
        self.assertEqual(self.listed(response), {"Coastal Stroke Network"})
        self.assertContains(response, "1 network matches your filters")
        self.assertIn(("quality-improvement", "Quality improvement"), topic_options(response))
        chosen = BeautifulSoup(response.content, "html.parser").select_one("select#id_topic option[selected]")
        self.assertEqual(chosen["value"], "quality-improvement")

    def test_a_topic_named_as_people_write_it_finds_its_networks(self):
        for written in ("Quality improvement", "quality IMPROVEMENT", "HOUSING"):
            with self.subTest(written=written):
                response = self.get(topic=written)
                self.assertEqual(error_summary(response), [])
                self.assertContains(response, "1 network matches your filters")
        self.assertEqual(self.listed(self.get(topic="Quality improvement")), {"Coastal Stroke Network"})

    def test_the_topic_links_on_a_network_page_lead_to_its_filtered_directory(self):
        page = BeautifulSoup(self.client.get(self.stroke.get_absolute_url()).content, "html.parser")
        link = page.find("a", string="Quality improvement")["href"]
        self.assertEqual(self.listed(self.client.get(link)), {"Coastal Stroke Network"})

    def test_an_unknown_or_hidden_networks_topic_is_reported_and_the_other_filters_apply(self):
        for topic in ("no-such-topic", "secret-topic", "Secret topic"):
            with self.subTest(topic=topic):
                response = self.get(topic=topic, region="south-west")
                self.assertEqual(response.status_code, 200)
                self.assertEqual(
                    error_summary(response),
                    [(f"There is no topic called “{topic}”, so the list is not filtered by it", "#id_topic")],
                )
                self.assertTrue(response.content.decode().count("<title>Error: "))
                self.assertEqual(self.listed(response), {"Coastal Stroke Network"})

    def test_query_count_is_flat_whatever_the_number_of_topics(self):
        url = reverse("community:network_directory")
        few = count_queries(self.client, url)
        for number in range(30):
            NetworkFactory(name=f"Network with topics {number}").topics.set([f"Topic {number}", "Shared topic"])
        many = count_queries(self.client, url)
        assert_same_query_count(few, many)
        self.assertEqual(len(topic_options(many.response)), 1 + 3 + 31)
