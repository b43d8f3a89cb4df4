"""The matrix list writes dates as the rest of the site does: 1 June 2025."""

from datetime import date

from django.test import TestCase

from community.members.factories import make_member
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Membership
from diagnostics.factories import MATRIX, MatrixSessionFactory
from diagnostics.models import Instrument
from diagnostics.scoring import MatrixEntry


class MatrixListDateTests(TestCase):
    def test_session_dates_are_written_in_full(self):
        network = NetworkFactory()
        leader = make_member()
        add_member(network, leader, role=Membership.Role.LEADER)
        key = Instrument.objects.get(slug=MATRIX).current_version.data.dimensions[0].key
        for day in (date(2025, 6, 1), date(2026, 1, 1)):
            MatrixSessionFactory(network=network, recorded_by=leader, date=day, rows={key: MatrixEntry(current=2)})
        self.client.force_login(leader)
        page = self.client.get(f"/diagnostics/networks/{network.slug}/matrix/")
        self.assertContains(page, ">1 June 2025</a>")
        self.assertContains(page, ">1 January 2026</a>")
        self.assertNotContains(page, "1 Jun 2025")
