"""My diagnostics on /account/ (PRODUCT.md §2 and §4, issue 9 point 8): the member's own
results, finished and not, and the open rounds of their networks with a link to answer. Nobody
else's results, and no round of a network they are not an active member of."""

from datetime import timedelta

from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from community.members.factories import make_member
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Membership
from diagnostics.contributions import RESULTS_SHOWN
from diagnostics.factories import SCORECARD, NetworkRoundFactory, ResponseFactory, RoundResponseFactory, current_version
from diagnostics.models import Instrument
from tests.community.base import CommunityTestCase
from tests.queries import assert_same_query_count, count_queries


def my_diagnostics(response):
    """The text and links of the My diagnostics section: (text, {link text: address})."""
    page = BeautifulSoup(response.content, "html.parser")
    heading = page.find("h2", id="my-diagnostics")
    assert heading is not None, "no My diagnostics section"
    parts = []
    for element in heading.find_next_siblings():
        if element.name == "h2" or element.find("a", string="Delete my account"):
            break
        parts.append(element)
    text = " ".join(" ".join(part.get_text(" ").split()) for part in parts)
    links = {" ".join(a.get_text().split()): a["href"] for part in parts for a in part.find_all("a")}
    return text, links


class MyDiagnosticsTests(CommunityTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.scorecard = Instrument.objects.get(slug=SCORECARD)
        cls.member = make_member(display_name="Mo Member")
        cls.leader = make_member(display_name="Lee Leader")
        cls.network = NetworkFactory(name="Fenland Stroke Network")
        add_member(cls.network, cls.leader, role=Membership.Role.LEADER)
        add_member(cls.network, cls.member)

    def overview(self, user):
        self.client.force_login(user)
        return my_diagnostics(self.client.get(reverse("community:account")))

    def test_a_visitor_is_asked_to_sign_in(self):
        response = self.client.get(reverse("community:account"))
        self.assertRedirects(response, f"{reverse('account_login')}?next=/account/", fetch_redirect_response=False)

    def test_nothing_yet(self):
        text, links = self.overview(make_member())
        self.assertIn("You have no diagnostic results yet.", text)
        self.assertIn("None of your networks has a survey open at the moment.", text)
        self.assertEqual(links["Take a diagnostic"], reverse("diagnostics:index"))

    def test_my_results_finished_and_not_and_nobody_elses(self):
        earlier = ResponseFactory(user=self.member, submitted_at=timezone.now() - timedelta(days=40))
        latest = ResponseFactory(user=self.member)
        ResponseFactory(user=self.member, in_progress=True, answers={"x": 3})
        ResponseFactory(user=self.leader)  # someone else's
        text, links = self.overview(self.member)
        title = self.scorecard.title
        self.assertEqual(links[f"Continue {title}"], self.scorecard.get_absolute_url())
        self.assertIn("Not finished, started", text)
        for result in (latest, earlier):
            link = f"{title}: result of {timezone.localtime(result.submitted_at):%-d %B %Y}"
            self.assertEqual(links[link], result.get_absolute_url())
        self.assertEqual(len([link for link in links if link.startswith(f"{title}: result")]), 2)
        # The links lead to the results, which are the member's own.
        self.assertEqual(self.client.get(latest.get_absolute_url()).status_code, 200)

        # The other member sees their one result only.
        _text, links = self.overview(self.leader)
        self.assertEqual(len([link for link in links if link.startswith(f"{title}: result")]), 1)
        self.assertNotIn(f"Continue {title}", links)

    def test_only_the_latest_results_are_listed(self):
        for days in range(RESULTS_SHOWN + 2):
            ResponseFactory(user=self.member, submitted_at=timezone.now() - timedelta(days=days))
        text, links = self.overview(self.member)
        self.assertEqual(len([link for link in links if ": result of" in link]), RESULTS_SHOWN)
        self.assertIn(f"Only your {RESULTS_SHOWN} latest results are shown here.", text)

    def test_an_unfinished_survey_of_a_withdrawn_diagnostic_is_not_offered(self):
        ResponseFactory(user=self.member, in_progress=True, answers={"x": 3})
        Instrument.objects.filter(pk=self.scorecard.pk).update(is_published=False)
        _text, links = self.overview(self.member)
        self.assertNotIn(f"Continue {self.scorecard.title}", links)

    def test_open_rounds_of_my_networks_with_a_link_to_answer(self):
        round_ = NetworkRoundFactory(network=self.network, opened_by=self.leader)
        answer = f"Answer: {self.scorecard.title} for {self.network.name}"
        change = f"Change your answers: {self.scorecard.title} for {self.network.name}"
        for user in (self.member, self.leader):
            with self.subTest(user=user.profile.display_name):
                text, links = self.overview(user)
                self.assertEqual(links[answer], round_.get_absolute_url())
                self.assertIn(f"Open until {timezone.localtime(round_.closes_at):%-d %B %Y}", text)
                self.assertEqual(self.client.get(round_.get_absolute_url()).status_code, 200)

        RoundResponseFactory(round=round_, respondent=self.member)
        text, links = self.overview(self.member)
        self.assertEqual(links[change], round_.get_absolute_url())
        self.assertNotIn(answer, links)
        self.assertIn("You have submitted your answers", text)
        # The leader has not answered: they are still asked to.
        self.assertIn(answer, self.overview(self.leader)[1])

    def test_no_round_that_is_closed_or_of_a_network_i_am_not_an_active_member_of(self):
        outsider, pending = make_member(), make_member()
        add_member(self.network, pending, status=Membership.Status.PENDING)
        other_network = NetworkFactory(name="Somewhere Else Network")
        NetworkRoundFactory(network=other_network)
        NetworkRoundFactory(network=self.network, closed=True)
        NetworkRoundFactory(network=self.network, closes_at=timezone.now() - timedelta(minutes=1))
        for user in (self.member, outsider, pending):
            with self.subTest(user=user.username):
                text, links = self.overview(user)
                self.assertIn("None of your networks has a survey open at the moment.", text)
                self.assertFalse([href for href in links.values() if href.startswith("/diagnostics/rounds/")])
        # Once they leave a network, its rounds are no longer theirs to answer.
        NetworkRoundFactory(network=self.network)
        self.assertTrue(any(link.startswith("Answer:") for link in self.overview(self.member)[1]))
        Membership.objects.filter(network=self.network, user=self.member).delete()
        self.assertFalse(any(link.startswith("Answer:") for link in self.overview(self.member)[1]))

    def test_query_count_is_flat(self):
        ResponseFactory(user=self.member)
        ResponseFactory(user=self.member, in_progress=True, answers={"x": 3})
        NetworkRoundFactory(network=self.network)
        self.client.force_login(self.member)
        url = reverse("community:account")
        few = count_queries(self.client, url)
        version = current_version(SCORECARD)
        for number in range(8):
            ResponseFactory(user=self.member, version=version)
            network = NetworkFactory(name=f"Another network {number}")
            add_member(network, self.member)
            round_ = NetworkRoundFactory(network=network, version=version)
            if number % 2:
                RoundResponseFactory(round=round_, respondent=self.member)
        many = count_queries(self.client, url)
        assert_same_query_count(few, many)
        self.assertEqual(len([link for link in my_diagnostics(many.response)[1] if link.startswith("Answer:")]), 5)
