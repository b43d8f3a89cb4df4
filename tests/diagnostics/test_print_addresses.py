"""Printed results show each suggested page's full address, not a bare path."""

from django.test import TestCase, override_settings

from resources.factories import ResourcePageFactory
from source4networks.factories import UserFactory

from .helpers import SCORECARD, instrument_data
from .test_results_page import lowest_answers, submitted


@override_settings(SITE_URL="https://networks.example.org")
class PrintedAddressTests(TestCase):
    def test_suggested_pages_carry_their_full_address_for_print(self):
        member = UserFactory(username="printer")
        response = submitted(member, SCORECARD, lowest_answers(instrument_data(SCORECARD)))
        resource = ResourcePageFactory(title="Leadership resource", topics=["Network leadership"])
        self.client.force_login(member)
        page = self.client.get(response.get_absolute_url())
        self.assertContains(page, f'<span class="s4n-print-only"> (https://networks.example.org{resource.url})</span>')
