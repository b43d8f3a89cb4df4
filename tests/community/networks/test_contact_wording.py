"""The contact form's limit message counts minutes in good English."""

from unittest import mock

from django.urls import reverse

from community.members.factories import make_member
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Membership
from tests.community.base import CommunityTestCase

from .test_contact import MESSAGE


class ContactLimitWordingTests(CommunityTestCase):
    def test_last_minute_of_the_hour_says_one_minute(self):
        network = NetworkFactory(name="Fenland Falls Network", slug="fenland-falls")
        add_member(network, make_member(), role=Membership.Role.LEADER)
        self.client.force_login(make_member())
        url = reverse("community:network_contact", args=["fenland-falls"])
        end_of_hour = 1_800_000_000.0 + 3600 - 30
        with mock.patch("source4networks.ratelimit.time.time", return_value=end_of_hour):
            for _ in range(5):
                self.client.post(url, MESSAGE)
            response = self.client.post(url, MESSAGE)
        self.assertContains(response, "try again in 1 minute.", status_code=429)
