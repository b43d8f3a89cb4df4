"""Joining, leaving, requests, invitations, leaders, and the emails they send."""

from django.core import mail
from django.urls import reverse

from community.members.factories import make_member
from community.networks import membership as rules
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Invitation, JoinPolicy, Membership, Network
from tests.community.base import CommunityTestCase


class MembershipTests(CommunityTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.leader = make_member(username="lead", email="lead@example.org")
        cls.network = NetworkFactory(name="Harbour Housing Alliance", slug="harbour", join_policy=JoinPolicy.REQUEST)
        add_member(cls.network, cls.leader, role=Membership.Role.LEADER)
        cls.person = make_member(username="person", email="person@example.org")

    def test_request_approved_by_a_leader_emails_the_requester_with_a_working_link(self):
        self.client.force_login(self.person)
        self.client.post(reverse("community:network_join", args=["harbour"]))
        membership = Membership.objects.get(network=self.network, user=self.person)
        self.assertEqual(membership.status, Membership.Status.PENDING)
        # Leaders are told about the request.
        self.assertEqual(mail.outbox[-1].to, ["lead@example.org"])
        self.assertIn("asked to join", mail.outbox[-1].body)
        mail.outbox.clear()
        self.client.force_login(self.leader)
        manage = self.client.get(reverse("community:network_members", args=["harbour"]))
        self.assertContains(manage, self.person.profile.display_name)
        self.client.post(reverse("community:network_member_action", args=["harbour", membership.pk, "approve"]))
        membership.refresh_from_db()
        self.assertEqual(membership.status, Membership.Status.ACTIVE)
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["person@example.org"])
        self.assertIn("approved", mail.outbox[0].body)
        self.client.force_login(self.person)
        page = self.client.get(self.link_in(mail.outbox[0]))
        self.assertContains(page, "You are a member")

    def test_declined_request_is_removed_and_the_requester_told(self):
        membership = add_member(self.network, self.person, status=Membership.Status.PENDING)
        self.client.force_login(self.leader)
        self.client.post(reverse("community:network_member_action", args=["harbour", membership.pk, "decline"]))
        self.assertFalse(Membership.objects.filter(pk=membership.pk).exists())
        self.assertIn("declined", mail.outbox[-1].body)
        self.assertEqual(self.client.get(self.link_in(mail.outbox[-1])).status_code, 200)

    def test_the_last_leader_cannot_leave_or_be_removed(self):
        self.client.force_login(self.leader)
        response = self.client.post(reverse("community:network_leave", args=["harbour"]), follow=True)
        self.assertContains(response, "You are the only leader of Harbour Housing Alliance")
        self.assertTrue(Membership.objects.filter(network=self.network, user=self.leader).exists())
        own = Membership.objects.get(network=self.network, user=self.leader)
        response = self.client.post(
            reverse("community:network_member_action", args=["harbour", own.pk, "remove"]), follow=True
        )
        self.assertContains(response, "is the only leader")
        self.assertTrue(Membership.objects.filter(pk=own.pk).exists())

    def test_promote_then_the_first_leader_may_leave(self):
        membership = add_member(self.network, self.person)
        self.client.force_login(self.leader)
        self.client.post(reverse("community:network_member_action", args=["harbour", membership.pk, "promote"]))
        membership.refresh_from_db()
        self.assertEqual(membership.role, Membership.Role.LEADER)
        response = self.client.post(reverse("community:network_leave", args=["harbour"]))
        self.assertEqual(response.status_code, 302)
        self.assertFalse(Membership.objects.filter(network=self.network, user=self.leader).exists())

    def test_leader_removes_a_member(self):
        membership = add_member(self.network, self.person)
        self.client.force_login(self.leader)
        self.client.post(reverse("community:network_member_action", args=["harbour", membership.pk, "remove"]))
        self.assertFalse(Membership.objects.filter(pk=membership.pk).exists())

    def test_member_leaves(self):
        add_member(self.network, self.person)
        self.client.force_login(self.person)
        self.assertContains(self.client.get(reverse("community:network_leave", args=["harbour"])), "Leave network")
        self.client.post(reverse("community:network_leave", args=["harbour"]))
        self.assertFalse(Membership.objects.filter(network=self.network, user=self.person).exists())

    def test_rules_refuse_double_joins(self):
        add_member(self.network, self.person)
        with self.assertRaisesMessage(rules.MembershipError, "already a member"):
            rules.join(self.network, self.person)

    def test_invitation_email_link_lets_a_member_join_once(self):
        self.client.force_login(self.leader)
        response = self.client.post(
            reverse("community:network_invite", args=["harbour"]), {"email": "Person@Example.org"}
        )
        self.assertEqual(response.status_code, 302)
        invitation = Invitation.objects.get()
        self.assertEqual(invitation.email, "person@example.org")
        self.assertEqual((invitation.expires_at - invitation.created_at).days, 28)
        self.assertEqual(mail.outbox[-1].to, ["person@example.org"])
        link = self.link_in(mail.outbox[-1])
        # The token itself is never stored.
        self.assertNotIn(link.rstrip("/").rsplit("/", 1)[-1], invitation.token_hash)
        self.client.logout()
        self.assertContains(self.client.get(link), "sign in")
        self.client.force_login(self.person)
        self.assertContains(self.client.get(link), "Accept and join")
        self.client.post(link, {"accept": ""})
        self.assertTrue(
            Membership.objects.filter(network=self.network, user=self.person, status=Membership.Status.ACTIVE).exists()
        )
        self.assertContains(self.client.get(link), "already been used", status_code=410)

    def test_invitation_shows_in_my_networks_for_the_invited_address(self):
        Invitation.create(self.network, "person@example.org", self.leader)
        self.client.force_login(self.person)
        page = self.client.get(reverse("community:account_networks"))
        self.assertContains(page, "Harbour Housing Alliance")
        invitation = Invitation.objects.get()
        self.client.post(reverse("community:account_invitation_action", args=[invitation.pk, "accept"]))
        self.assertTrue(Membership.objects.filter(network=self.network, user=self.person).exists())
        # Someone else cannot use another person's invitation from My account.
        other = make_member()
        invitation, _token = Invitation.create(self.network, "person2@example.org", self.leader)
        self.client.force_login(other)
        response = self.client.post(reverse("community:account_invitation_action", args=[invitation.pk, "accept"]))
        self.assertEqual(response.status_code, 404)

    def test_any_verified_member_can_create_a_network_and_becomes_its_leader(self):
        self.client.force_login(self.person)
        response = self.client.post(
            reverse("community:network_create"),
            {
                "name": "Moorland Mental Health Collaborative",
                "summary": "Trusts and charities improving crisis care across the moors.",
                "network_type": "provider-collaborative",
                "join_policy": "open",
                "topics": "crisis care, peer support",
            },
        )
        network = Network.objects.get(name="Moorland Mental Health Collaborative")
        self.assertRedirects(response, network.get_absolute_url(), fetch_redirect_response=False)
        self.assertEqual(network.slug, "moorland-mental-health-collaborative")
        self.assertTrue(rules.is_leader(network, self.person))
        self.assertEqual(sorted(t.name for t in network.topics.all()), ["crisis care", "peer support"])

    def test_leader_edits_the_network(self):
        self.client.force_login(self.leader)
        url = reverse("community:network_edit", args=["harbour"])
        self.assertContains(self.client.get(url), 'value="Harbour Housing Alliance"')
        self.client.post(
            url,
            {
                "name": "Harbour Housing Alliance",
                "summary": "A new summary.",
                "network_type": "voluntary-alliance",
                "join_policy": "invitation",
                "website": "https://harbour.example.org",
                "year_founded": "2012",
            },
        )
        self.network.refresh_from_db()
        self.assertEqual(self.network.summary, "A new summary.")
        self.assertEqual(self.network.year_founded, 2012)
        self.assertEqual(self.network.slug, "harbour")

    def test_member_chooses_to_be_shown_on_the_network_page(self):
        add_member(self.network, self.person)
        page_url = reverse("community:network_detail", args=["harbour"])
        name = self.person.profile.display_name
        self.assertNotContains(self.client.get(page_url), name)
        self.client.force_login(self.person)
        self.client.post(reverse("community:network_visibility", args=["harbour"]), {"show_on_network_page": "on"})
        self.client.logout()
        self.assertContains(self.client.get(page_url), name)
