"""Leaders resend and withdraw invitations waiting for an answer (issue 11, item 6): resending
counts against the daily limit and emails the same link again; a withdrawn link stops working
with a clear message. The list of invitations costs the same queries for one or many."""

from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from community.members.factories import make_member
from community.networks import membership as rules
from community.networks.emails import build_invitation
from community.networks.models import Invitation
from tests.community.permissions import ROLES, PermissionMatrixTestCase
from tests.queries import assert_same_query_count, count_queries

MEMBERS = reverse("community:network_members", args=["coastal-stroke"])


def action_url(invitation, action):
    return reverse("community:network_invitation_action", args=["coastal-stroke", invitation.pk, action])


class InvitationManagementTests(PermissionMatrixTestCase):
    def setUp(self):
        super().setUp()
        self.invitee = make_member(username="invitee", email="invitee@example.org")
        self.invitation, self.token = Invitation.create(self.network, "invitee@example.org", self.users["leader"])
        self.link = reverse("community:invitation", args=[self.token])

    def test_only_leaders_may_resend_or_withdraw(self):
        for action in ("resend", "withdraw"):
            url = action_url(self.invitation, action)
            expected = dict.fromkeys(ROLES, 403) | {"anonymous": 302, "leader": 302}
            for role in ROLES:
                if role == "leader":
                    continue
                with self.subTest(role=role, action=action):
                    self.as_role(role)
                    self.assertEqual(self.client.post(url).status_code, expected[role])
            # GET: the site's 405 page, nothing done.
            self.as_role("leader")
            self.assertEqual(self.client.get(url).status_code, 405)
        self.invitation.refresh_from_db()
        self.assertIsNone(self.invitation.revoked_at)
        self.assertIsNone(self.invitation.last_sent_at)
        self.assertEqual(mail.outbox, [])

    def test_a_leader_of_another_network_cannot_reach_this_networks_invitations(self):
        self.as_role("other_member")
        url = reverse("community:network_invitation_action", args=["valley-frailty", self.invitation.pk, "withdraw"])
        response = self.client.post(url, follow=True)
        self.assertContains(response, "That invitation has already been accepted, withdrawn or declined")
        self.invitation.refresh_from_db()
        self.assertIsNone(self.invitation.revoked_at)

    def test_unknown_action_is_not_found(self):
        self.as_role("leader")
        self.assertEqual(self.client.post(action_url(self.invitation, "explode")).status_code, 404)

    def test_resend_emails_the_same_link_for_another_28_days(self):
        Invitation.objects.filter(pk=self.invitation.pk).update(expires_at=timezone.now() + timedelta(days=2))
        self.as_role("leader")
        response = self.client.post(action_url(self.invitation, "resend"), follow=True)
        self.assertRedirects(response, MEMBERS)
        self.assertContains(response, "We have emailed the invitation to invitee@example.org again.")
        [email] = mail.outbox
        self.assertEqual(email.to, ["invitee@example.org"])
        self.assertIn(f"http://testserver{self.link}", email.body)
        self.invitation.refresh_from_db()
        self.assertGreater(self.invitation.expires_at, timezone.now() + timedelta(days=27))
        expires = timezone.localtime(self.invitation.expires_at)
        self.assertIn(f"expires on {expires.day} {expires:%B %Y}", email.body)
        sent_again = timezone.localtime(self.invitation.last_sent_at)
        self.assertContains(response, f"sent again {sent_again.day} {sent_again:%B %Y}")
        # The link still works.
        self.client.force_login(self.invitee)
        self.assertEqual(self.client.get(self.link).status_code, 200)

    def test_resend_respects_the_daily_limit(self):
        for _n in range(50):
            rules.take_invitation_limit(self.network)
        self.as_role("leader")
        response = self.client.post(action_url(self.invitation, "resend"), follow=True)
        self.assertContains(response, "Coastal Stroke Network has sent 50 invitations today")
        self.assertEqual(mail.outbox, [])
        self.invitation.refresh_from_db()
        self.assertIsNone(self.invitation.last_sent_at)

    def test_withdrawn_link_stops_working_with_a_clear_message(self):
        self.as_role("leader")
        response = self.client.post(action_url(self.invitation, "withdraw"), follow=True)
        self.assertContains(response, "You have withdrawn the invitation to invitee@example.org.")
        self.assertNotContains(response, '<td class="nhsuk-table__cell">invitee@example.org</td>')
        self.client.force_login(self.invitee)
        page = self.client.get(self.link)
        self.assertContains(page, "This invitation has been withdrawn", status_code=410)
        self.assertContains(page, "ask one of the network's leaders to invite you again", status_code=410)
        accepted = self.client.post(self.link, follow=True)
        self.assertEqual(accepted.status_code, 410)
        self.assertFalse(self.network.memberships.filter(user=self.invitee).exists())
        # Nor does it show in the invitee's account, and it cannot be withdrawn or resent again.
        self.assertNotContains(self.client.get(reverse("community:account_networks")), "Coastal Stroke Network")
        self.as_role("leader")
        again = self.client.post(action_url(self.invitation, "resend"), follow=True)
        self.assertContains(again, "That invitation has already been accepted, withdrawn or declined")
        self.assertEqual(mail.outbox, [])

    def test_the_email_queued_before_withdrawing_is_not_sent(self):
        self.as_role("leader")
        self.client.post(action_url(self.invitation, "withdraw"))
        self.assertEqual(build_invitation(self.invitation.pk), [])

    def test_invitations_list_costs_the_same_queries_for_one_or_many(self):
        self.as_role("leader")
        one = count_queries(self.client, MEMBERS)
        self.assertContains(one.response, "1 invitation waiting for an answer")
        for n in range(30):
            Invitation.create(self.network, f"guest{n}@example.org", make_member(username=f"inviter{n}"))
        many = count_queries(self.client, MEMBERS)
        self.assertContains(many.response, "31 invitations waiting for an answer")
        self.assertContains(many.response, 'Withdraw<span class="nhsuk-u-visually-hidden">: guest29@example.org')
        assert_same_query_count(one, many)
