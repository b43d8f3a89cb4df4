"""A case study linked to a network from the library shows on the network's page."""

from casestudies.factories import CaseStudyPageFactory
from community.networks.factories import NetworkFactory
from tests.community.base import CommunityTestCase


class NetworkCaseStudiesTests(CommunityTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.network = NetworkFactory(name="Coastal Stroke Network")
        cls.other = NetworkFactory(name="Tenant Health Alliance")
        cls.published = CaseStudyPageFactory(title="Faster stroke rehabilitation", network=cls.network, network_name="")
        cls.draft = CaseStudyPageFactory(title="A draft about the network", network=cls.network, live=False)
        cls.elsewhere = CaseStudyPageFactory(title="Housing and health together", network=cls.other)

    def test_network_page_lists_its_published_case_studies_only(self):
        response = self.client.get(self.network.get_absolute_url())
        self.assertContains(response, "<h2>Case studies</h2>", html=True)
        self.assertContains(response, "Faster stroke rehabilitation")
        self.assertContains(response, self.published.url)
        self.assertNotContains(response, "A draft about the network")
        self.assertNotContains(response, "Housing and health together")

    def test_case_study_links_to_its_network(self):
        response = self.client.get(self.published.url)
        self.assertContains(response, f'href="{self.network.get_absolute_url()}"')

    def test_case_study_of_a_hidden_network_does_not_link_to_it(self):
        self.network.hidden = True
        self.network.save()
        response = self.client.get(self.published.url)
        self.assertNotContains(response, f'href="{self.network.get_absolute_url()}"')
        self.assertContains(response, "Coastal Stroke Network")
