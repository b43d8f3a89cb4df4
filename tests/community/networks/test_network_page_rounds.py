"""A network page shows the network's open rounds, with a link to answer, to its active members
only (issue 9 point 8): not to visitors, other members of the site, or people waiting to join."""

from datetime import timedelta

from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from community.members.factories import make_member
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Membership
from diagnostics.factories import SCORECARD, NetworkRoundFactory, RoundResponseFactory, current_version
from diagnostics.models import Instrument
from tests.community.base import CommunityTestCase
from tests.queries import assert_same_query_count, count_queries

HEADING = "Surveys open now"


def open_rounds_card(response):
    """[(link text, address)] of the open rounds card, or None when the page has none."""
    page = BeautifulSoup(response.content, "html.parser")
    heading = page.find("h2", string=HEADING)
    if heading is None:
        return None
    card = heading.find_parent(class_="nhsuk-card")
    return [(" ".join(a.get_text().split()), a["href"]) for a in card.find_all("a")]


class NetworkPageRoundsTests(CommunityTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.title = Instrument.objects.get(slug=SCORECARD).title
        cls.network = NetworkFactory(name="Fenland Stroke Network")
        cls.leader, cls.member, cls.pending, cls.outsider = (make_member() for _ in range(4))
        add_member(cls.network, cls.leader, role=Membership.Role.LEADER)
        add_member(cls.network, cls.member)
        add_member(cls.network, cls.pending, status=Membership.Status.PENDING)
        cls.round = NetworkRoundFactory(network=cls.network, opened_by=cls.leader)
        cls.url = reverse("community:network_detail", args=[cls.network.slug])

    def card_for(self, user, url=None):
        self.client.logout()
        if user is not None:
            self.client.force_login(user)
        response = self.client.get(url or self.url)
        self.assertEqual(response.status_code, 200)
        return open_rounds_card(response)

    def test_active_members_and_leaders_see_the_open_round_with_a_link_to_answer(self):
        for user in (self.member, self.leader):
            with self.subTest(user=user.username):
                card = self.card_for(user)
                self.assertEqual(card, [(f"Answer: {self.title}", self.round.get_absolute_url())])
                self.assertEqual(self.client.get(self.round.get_absolute_url()).status_code, 200)

    def test_visitors_outsiders_and_people_waiting_to_join_see_no_round(self):
        for user in (None, self.outsider, self.pending):
            with self.subTest(user=user and user.username):
                self.client.logout()
                if user is not None:
                    self.client.force_login(user)
                response = self.client.get(self.url)
                self.assertIsNone(open_rounds_card(response))
                self.assertNotContains(response, str(self.round.token))

    def test_a_member_who_answered_can_change_their_answers(self):
        RoundResponseFactory(round=self.round, respondent=self.member)
        self.assertEqual(
            self.card_for(self.member), [(f"Change your answers: {self.title}", self.round.get_absolute_url())]
        )

    def test_closed_rounds_and_other_networks_rounds_are_not_shown(self):
        self.round.closed = True
        self.round.save(update_fields=["closed"])
        NetworkRoundFactory(network=self.network, closes_at=timezone.now() - timedelta(minutes=1))
        other = NetworkFactory(name="Other Network")
        add_member(other, self.member)
        NetworkRoundFactory(network=other)
        self.assertIsNone(self.card_for(self.member))
        self.assertEqual(len(self.card_for(self.member, reverse("community:network_detail", args=[other.slug]))), 1)

    def test_a_hidden_networks_members_see_its_rounds(self):
        self.network.hidden = True
        self.network.save(update_fields=["hidden"])
        self.assertEqual(self.card_for(self.member), [(f"Answer: {self.title}", self.round.get_absolute_url())])

    def test_query_count_is_flat(self):
        self.client.force_login(self.member)
        few = count_queries(self.client, self.url)
        version = current_version(SCORECARD)
        for number in range(6):
            round_ = NetworkRoundFactory(network=self.network, version=version)
            if number % 2:
                RoundResponseFactory(round=round_, respondent=self.member)
        many = count_queries(self.client, self.url)
        assert_same_query_count(few, many)
        links = [text for text, _href in open_rounds_card(many.response)]
        self.assertEqual((len(links), links.count(f"Change your answers: {self.title}")), (7, 3))

    def test_a_visitor_pays_no_query_for_the_rounds(self):
        """The rounds are looked up only for the network's members."""
        visitor = count_queries(self.client, self.url)
        self.assertFalse([sql for sql in visitor.sql if "diagnostics_networkround" in sql])
