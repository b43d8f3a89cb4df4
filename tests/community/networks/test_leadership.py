"""A leader steps down or makes another leader a member again (issue 11, item 6; specification
section 4): a network always keeps at least one leader, and a refusal says so clearly."""

from django.urls import reverse

from community.members.factories import make_member
from community.networks import membership as rules
from community.networks.factories import add_member
from community.networks.models import Membership
from tests.community.permissions import ROLES, PermissionMatrixTestCase


class LeadershipTests(PermissionMatrixTestCase):
    def demote_url(self, membership):
        return reverse("community:network_member_action", args=["coastal-stroke", membership.pk, "demote"])

    def leader_membership(self):
        return Membership.objects.get(network=self.network, user=self.users["leader"])

    def test_only_leaders_may_demote(self):
        second = add_member(self.network, make_member(username="second"), role=Membership.Role.LEADER)
        expected = dict.fromkeys(ROLES, 403) | {"anonymous": 302}
        for role in ROLES:
            if role == "leader":
                continue
            with self.subTest(role=role):
                self.as_role(role)
                self.assertEqual(self.client.post(self.demote_url(second)).status_code, expected[role])
        second.refresh_from_db()
        self.assertEqual(second.role, Membership.Role.LEADER)
        self.as_role("leader")
        self.assertEqual(self.client.get(self.demote_url(second)).status_code, 405)

    def test_a_leader_makes_another_leader_a_member(self):
        second = add_member(self.network, make_member(username="second", display_name="Sol Second"), role="leader")
        self.as_role("leader")
        members = reverse("community:network_members", args=["coastal-stroke"])
        page = self.client.get(members)
        self.assertContains(page, 'Make member<span class="nhsuk-u-visually-hidden">: Sol Second</span>')
        self.assertContains(page, "Step down as leader")
        response = self.client.post(self.demote_url(second), follow=True)
        self.assertRedirects(response, members)
        self.assertContains(response, "Sol Second is no longer a leader of Coastal Stroke Network.")
        second.refresh_from_db()
        self.assertEqual((second.role, second.status), (Membership.Role.MEMBER, Membership.Status.ACTIVE))

    def test_a_leader_steps_down_from_the_network_page(self):
        add_member(self.network, make_member(username="second"), role=Membership.Role.LEADER)
        self.as_role("leader")
        page = self.client.get(self.network.get_absolute_url())
        self.assertContains(page, f'action="{self.demote_url(self.leader_membership())}"')
        response = self.client.post(self.demote_url(self.leader_membership()), follow=True)
        self.assertRedirects(response, self.network.get_absolute_url())
        self.assertContains(
            response, "You have stepped down as a leader of Coastal Stroke Network. You are still a member."
        )
        self.assertContains(response, "You are a member of this network.")
        self.assertNotContains(response, "Manage members")
        self.assertEqual(
            self.client.get(reverse("community:network_members", args=["coastal-stroke"])).status_code, 403
        )

    def test_the_only_leader_cannot_step_down(self):
        self.as_role("leader")
        response = self.client.post(self.demote_url(self.leader_membership()), follow=True)
        self.assertContains(
            response,
            "You are the only leader of Coastal Stroke Network, and a network must always have a leader. "
            "Make another member a leader first.",
        )
        self.assertTrue(self.leader_membership().is_leader)

    def test_leaders_cannot_demote_each_other_down_to_none(self):
        second_user = make_member(username="second", display_name="Sol Second")
        second = add_member(self.network, second_user, role=Membership.Role.LEADER)
        rules.demote(self.network, self.users["leader"], second.pk)
        # The demoted leader can no longer demote; the remaining one cannot step down.
        with self.assertRaises(rules.MembershipError):
            rules.demote(self.network, second_user, self.leader_membership().pk)
        with self.assertRaisesMessage(rules.MembershipError, "You are the only leader"):
            rules.demote(self.network, self.users["leader"], self.leader_membership().pk)
        self.assertEqual(
            Membership.objects.filter(network=self.network, role=Membership.Role.LEADER).count(),
            1,
        )

    def test_demoting_a_member_or_someone_elsewhere_is_refused(self):
        member = Membership.objects.get(network=self.network, user=self.users["member"])
        self.as_role("leader")
        response = self.client.post(self.demote_url(member), follow=True)
        self.assertContains(response, "is not a leader.")
        elsewhere = Membership.objects.get(user=self.users["other_member"])
        response = self.client.post(self.demote_url(elsewhere), follow=True)
        self.assertContains(response, "That person is not a member of this network.")
        elsewhere.refresh_from_db()
        self.assertEqual(elsewhere.role, Membership.Role.LEADER)
