"""Limits on invitations and join requests (specification section 4): a network sends at
most 50 invitations a day and has at most 200 waiting; a member asks to join the same
network at most 3 times in 30 days. Counted atomically, so they hold at the same moment
too (local-memory cache and real Redis)."""

from datetime import timedelta
from unittest import mock

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import SimpleTestCase
from django.urls import reverse
from django.utils import timezone

from community.members.factories import make_member
from community.networks import membership as rules
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Invitation, JoinPolicy, Membership, Network
from source4networks import ratelimit
from tests.community.base import CommunityTestCase
from tests.concurrency import NOW, LocalMemoryCacheCases, RedisCacheCases, at_once


class LimitTestCase(CommunityTestCase):
    def setUp(self):
        super().setUp()
        self.now = NOW + 1800  # half past one in the morning
        clock = mock.patch("source4networks.ratelimit.time.time", side_effect=lambda: self.now)
        clock.start()
        self.addCleanup(clock.stop)

    @classmethod
    def setUpTestData(cls):
        cls.leader = make_member(username="lead", email="lead@example.org")
        cls.network = NetworkFactory(name="Harbour Housing Alliance", slug="harbour", join_policy=JoinPolicy.REQUEST)
        add_member(cls.network, cls.leader, role=Membership.Role.LEADER)
        cls.person = make_member(username="person", email="person@example.org")


class InvitationLimitTests(LimitTestCase):
    def invite_page(self, email):
        self.client.force_login(self.leader)
        return self.client.post(reverse("community:network_invite", args=["harbour"]), {"email": email})

    def test_fifty_invitations_a_day(self):
        for n in range(49):
            rules.invite(self.network, self.leader, f"person{n}@example.org")
        self.assertEqual(self.invite_page("fiftieth@example.org").status_code, 302)
        mail.outbox.clear()
        response = self.invite_page("one.more@example.org")
        self.assertEqual(response.status_code, 429)
        self.assertContains(
            response,
            "Harbour Housing Alliance has sent 50 invitations today, the most a network can send in a day. "
            "Try again in 23 hours.",
            status_code=429,
        )
        self.assertContains(response, "<title>Error: ", status_code=429)
        self.assertContains(response, 'href="#id_email"', status_code=429)
        self.assertContains(response, 'value="one.more@example.org"', status_code=429)  # what was typed is kept
        self.assertEqual(mail.outbox, [])
        self.assertFalse(Invitation.objects.filter(email="one.more@example.org").exists())
        # The next day the network may invite again.
        self.now += 86400
        self.assertEqual(self.invite_page("one.more@example.org").status_code, 302)

    def test_two_hundred_waiting_at_most(self):
        later = timezone.now() + timedelta(days=20)
        Invitation.objects.bulk_create(
            Invitation(network=self.network, email=f"w{n}@example.org", token_hash=f"{n:064}", expires_at=later)
            for n in range(200)
        )
        response = self.invite_page("one.more@example.org")
        self.assertContains(
            response, "Harbour Housing Alliance has 200 invitations waiting for an answer", status_code=429
        )
        self.assertFalse(Invitation.objects.filter(email="one.more@example.org").exists())
        # Once one is accepted (or expires), there is room again.
        Invitation.objects.filter(email="w0@example.org").update(accepted_at=timezone.now())
        self.assertEqual(self.invite_page("one.more@example.org").status_code, 302)

    def test_each_network_counts_its_own(self):
        other = NetworkFactory(name="Other network", slug="other")
        add_member(other, self.leader, role=Membership.Role.LEADER)
        for n in range(50):
            rules.invite(self.network, self.leader, f"person{n}@example.org")
        self.assertEqual(rules.invite(other, self.leader, "someone@example.org").email, "someone@example.org")


class JoinRequestLimitTests(LimitTestCase):
    def ask(self):
        return self.client.post(reverse("community:network_join", args=["harbour"]), follow=True)

    def withdraw(self):
        self.client.post(reverse("community:network_leave", args=["harbour"]))

    def test_three_requests_to_the_same_network_in_thirty_days(self):
        self.client.force_login(self.person)
        for _ in range(3):
            self.assertContains(self.ask(), "Your request to join Harbour Housing Alliance has been sent")
            self.withdraw()
        self.assertEqual(len(mail.outbox), 3)  # one email to the leader for each request
        response = self.ask()
        self.assertContains(
            response,
            "You have asked to join Harbour Housing Alliance 3 times recently, the most you can in 30 days.",
        )
        self.assertEqual(len(mail.outbox), 3)
        self.assertFalse(Membership.objects.filter(network=self.network, user=self.person).exists())
        # Another network is counted on its own; and after the 30 days the member may ask again.
        other = NetworkFactory(name="Other network", slug="other", join_policy=JoinPolicy.REQUEST)
        self.assertEqual(rules.join(other, self.person).status, Membership.Status.PENDING)
        self.now += 30 * 86400
        self.assertContains(self.ask(), "Your request to join Harbour Housing Alliance has been sent")

    def test_joining_an_open_network_is_not_counted(self):
        self.network.join_policy = JoinPolicy.OPEN
        self.network.save()
        self.client.force_login(self.person)
        for _ in range(5):
            self.assertContains(self.ask(), "You have joined Harbour Housing Alliance")
            self.withdraw()


class MembershipLimitsAtOnceCases:
    def test_invitations_sent_at_once_stop_at_fifty(self):
        network = Network(pk=1, name="Harbour Housing Alliance")
        for _ in range(45):
            ratelimit.hit("invitations:1", rules.INVITATIONS_PER_DAY, rules.DAY)
        results = at_once(lambda: rules.take_invitation_limit(network), 20)
        self.assertEqual(results.count(None), 5)
        self.assertTrue(all(isinstance(result, rules.LimitReached) for result in results if result is not None))

    def test_lists_of_invitations_sent_at_once_stop_at_fifty_whole_lists(self):
        """Ten lists of ten at the same moment (invitations.invite_many counts a list in one
        step): five fit, five are refused whole, and the refused ones give their count back."""

        def send_list():
            result = ratelimit.hit("invitations:3", rules.INVITATIONS_PER_DAY, rules.DAY, amount=10)
            if not result.allowed:
                ratelimit.give_back(result)
            return result.allowed

        results = at_once(send_list, 10)
        self.assertEqual(results.count(True), 5)
        self.assertEqual(ratelimit.peek("invitations:3", rules.INVITATIONS_PER_DAY, rules.DAY).count, 50)

    def test_join_requests_sent_at_once_stop_at_three(self):
        network, person = Network(pk=2, name="Harbour Housing Alliance"), make_unsaved_member(7)
        results = at_once(lambda: rules.take_join_request_limit(network, person), 10)
        self.assertEqual(results.count(None), 3)


def make_unsaved_member(pk):
    return get_user_model()(pk=pk, username=f"member{pk}")


class LocalMemoryTests(MembershipLimitsAtOnceCases, LocalMemoryCacheCases, SimpleTestCase):
    pass


class RedisTests(MembershipLimitsAtOnceCases, RedisCacheCases, SimpleTestCase):
    pass
