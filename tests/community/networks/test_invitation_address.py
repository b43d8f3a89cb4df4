"""An invitation is accepted only by someone signed in with the address it was sent to, confirmed:
whoever else holds the link is told which address it was for (partly hidden) and is refused."""

from django.urls import reverse

from community.members.factories import make_member
from community.networks import membership as rules
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Invitation, JoinPolicy, Membership
from tests.community.base import CommunityTestCase


class InvitationAddressTests(CommunityTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.network = NetworkFactory(name="Tidal Care Network", slug="tidal", join_policy=JoinPolicy.INVITATION)
        cls.leader = make_member(username="leader", email="leader@example.org")
        add_member(cls.network, cls.leader, role=Membership.Role.LEADER)
        cls.invitee = make_member(username="invitee", email="jo.invitee@example.org")
        cls.other = make_member(username="other", email="sam.other@example.org")
        cls.member = make_member(username="member", email="mo.member@example.org")
        add_member(cls.network, cls.member)

    def setUp(self):
        super().setUp()
        self.invitation, token = Invitation.create(self.network, "Jo.Invitee@example.org", self.leader)
        self.url = reverse("community:invitation", args=[token])

    def joined(self, user):
        return Membership.objects.filter(network=self.network, user=user, status=Membership.Status.ACTIVE).exists()

    def test_another_signed_in_member_with_the_link_is_refused(self):
        self.client.force_login(self.other)
        page = self.client.get(self.url)
        self.assertContains(page, "This invitation was sent to a different email address")
        self.assertContains(page, "j***@example.org")
        self.assertNotContains(page, "jo.invitee@example.org")
        self.assertNotContains(page, "Accept and join")
        self.assertContains(page, "Sign out")

        response = self.client.post(self.url, {"accept": ""})
        self.assertEqual(response.status_code, 403)
        self.assertContains(response, "j***@example.org", status_code=403)
        self.assertFalse(self.joined(self.other))
        self.invitation.refresh_from_db()
        self.assertIsNone(self.invitation.accepted_at)

    def test_another_member_cannot_decline_someone_elses_invitation(self):
        self.client.force_login(self.other)
        self.assertEqual(self.client.post(self.url, {"decline": ""}).status_code, 403)
        self.invitation.refresh_from_db()
        self.assertIsNone(self.invitation.revoked_at)

    def test_a_leader_or_member_of_the_network_cannot_use_it_either(self):
        for user in (self.leader, self.member):
            with self.subTest(user=user.username):
                self.client.force_login(user)
                self.assertEqual(self.client.post(self.url, {"accept": ""}).status_code, 403)
                self.invitation.refresh_from_db()
                self.assertIsNone(self.invitation.accepted_at)

    def test_visitor_is_told_which_address_to_sign_in_with(self):
        page = self.client.get(self.url)
        self.assertContains(page, "This invitation was sent to j***@example.org")
        self.assertContains(page, "sign in with that address")
        self.assertContains(page, "create an account with it")
        self.assertNotContains(page, "jo.invitee@example.org")
        self.assertNotContains(page, "Accept and join")
        response = self.client.post(self.url, {"accept": ""})
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])

    def test_the_invitee_signed_in_with_the_invited_address_joins(self):
        self.client.force_login(self.invitee)
        self.assertContains(self.client.get(self.url), "Accept and join")
        response = self.client.post(self.url, {"accept": ""})
        self.assertRedirects(response, self.network.get_absolute_url())
        self.assertTrue(self.joined(self.invitee))

    def test_the_invitee_may_decline(self):
        self.client.force_login(self.invitee)
        self.client.post(self.url, {"decline": ""})
        self.invitation.refresh_from_db()
        self.assertIsNotNone(self.invitation.revoked_at)
        self.assertFalse(self.joined(self.invitee))

    def test_the_invited_address_not_yet_confirmed_must_be_confirmed_first(self):
        unconfirmed = make_member(verified=False, username="unconfirmed", email="jo.invitee@example.net")
        invitation, token = Invitation.create(self.network, "jo.invitee@example.net", self.leader)
        url = reverse("community:invitation", args=[token])
        self.client.force_login(unconfirmed)
        self.assertContains(self.client.get(url), "Confirm your email address first")
        response = self.client.post(url, {"accept": ""})
        self.assertEqual(response.status_code, 403)
        self.assertFalse(self.joined(unconfirmed))

    def test_the_rule_itself_refuses_anyone_but_the_invitee(self):
        with self.assertRaisesMessage(rules.MembershipError, "This invitation was sent to j***@example.org"):
            rules.accept_invitation(self.invitation, self.other)
        self.assertFalse(self.joined(self.other))

    def test_my_networks_offers_it_only_to_the_invitee(self):
        accept = reverse("community:account_invitation_action", args=[self.invitation.pk, "accept"])
        self.client.force_login(self.other)
        self.assertNotContains(self.client.get(reverse("community:account_networks")), "Tidal Care Network")
        self.assertEqual(self.client.post(accept).status_code, 404)
        self.assertFalse(self.joined(self.other))
        self.client.force_login(self.invitee)
        self.assertContains(self.client.get(reverse("community:account_networks")), "Tidal Care Network")
        self.client.post(accept)
        self.assertTrue(self.joined(self.invitee))

    def test_masked_address(self):
        self.assertEqual(rules.masked_email("jo.invitee@example.org"), "j***@example.org")
        self.assertEqual(rules.masked_email("j@example.org"), "j***@example.org")
