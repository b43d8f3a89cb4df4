"""The permission matrix for networks: each kind of visitor gets the status and content they
should on the directory, network pages, joining, leaders' pages, invitations and the admin."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Invitation, JoinPolicy, Membership
from tests.community.permissions import ROLES, PermissionMatrixTestCase


class PermissionMatrixTests(PermissionMatrixTestCase):
    def test_networks_directory_is_public_and_never_lists_hidden_networks(self):
        for role in ROLES:
            with self.subTest(role=role):
                self.as_role(role)
                response = self.client.get(reverse("community:network_directory"))
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "Coastal Stroke Network")
                self.assertNotContains(response, "Quiet Hidden Group")

    def test_network_page_is_public(self):
        url = reverse("community:network_detail", args=["coastal-stroke"])
        self.check("get", url, dict.fromkeys(ROLES, 200))

    def test_hidden_network_page_only_for_its_members_and_the_site_team(self):
        url = reverse("community:network_detail", args=["quiet-hidden"])
        expected = dict.fromkeys(ROLES, 404) | {"member": 200, "leader": 200, "moderator": 200, "editor": 200}
        self.check("get", url, expected)

    def test_network_page_shows_each_viewer_the_actions_they_may_take(self):
        url = reverse("community:network_detail", args=["coastal-stroke"])
        self.as_role("anonymous")
        page = self.client.get(url)
        self.assertContains(page, "to join or contact this network")
        self.assertNotContains(page, "Join this network")
        self.as_role("unverified")
        self.assertContains(self.client.get(url), "Confirm your email address to join")
        self.as_role("verified")
        page = self.client.get(url)
        self.assertContains(page, "Join this network")
        self.assertContains(page, "Contact this network")
        self.assertNotContains(page, "Manage members")
        self.as_role("member")
        page = self.client.get(url)
        self.assertContains(page, "You are a member")
        self.assertContains(page, "Leave this network")
        self.assertNotContains(page, "Manage members")
        self.as_role("leader")
        page = self.client.get(url)
        self.assertContains(page, "Manage members")
        self.assertContains(page, "Edit this network")

    def test_join_open_network(self):
        url = reverse("community:network_join", args=["coastal-stroke"])
        expected = dict.fromkeys(ROLES, 302) | {"unverified": 403}
        self.check("post", url, expected)
        self.assertFalse(Membership.objects.filter(network=self.network, user=self.users["unverified"]).exists())
        for role in ("verified", "other_member", "moderator", "editor"):
            self.assertTrue(
                Membership.objects.filter(
                    network=self.network, user=self.users[role], status=Membership.Status.ACTIVE
                ).exists(),
                role,
            )

    def test_nobody_can_join_an_invitation_only_network_without_an_invitation(self):
        closed = NetworkFactory(slug="closed", join_policy=JoinPolicy.INVITATION)
        self.as_role("verified")
        response = self.client.post(reverse("community:network_join", args=["closed"]), follow=True)
        self.assertContains(response, "by invitation only")
        self.assertFalse(Membership.objects.filter(network=closed).exists())

    def test_join_hidden_network_is_not_found(self):
        self.as_role("verified")
        response = self.client.post(reverse("community:network_join", args=["quiet-hidden"]))
        self.assertEqual(response.status_code, 404)

    def test_leader_pages(self):
        leader_only = dict.fromkeys(ROLES, 403) | {"anonymous": 302, "leader": 200}
        for name in ("community:network_members", "community:network_edit", "community:network_invite"):
            self.check("get", reverse(name, args=["coastal-stroke"]), leader_only)

    def test_only_a_leader_can_approve_a_request(self):
        network = NetworkFactory(slug="by-request", join_policy=JoinPolicy.REQUEST)
        add_member(network, self.users["leader"], role=Membership.Role.LEADER)
        add_member(network, self.users["member"])
        pending = add_member(network, self.requester, status=Membership.Status.PENDING)
        url = reverse("community:network_member_action", args=["by-request", pending.pk, "approve"])
        for role in ROLES:
            if role == "leader":
                continue
            with self.subTest(role=role):
                self.as_role(role)
                response = self.client.post(url)
                self.assertEqual(response.status_code, 302 if role == "anonymous" else 403)
                pending.refresh_from_db()
                self.assertEqual(pending.status, Membership.Status.PENDING)
        self.as_role("leader")
        self.assertEqual(self.client.post(url).status_code, 302)
        pending.refresh_from_db()
        self.assertEqual(pending.status, Membership.Status.ACTIVE)

    def test_only_a_leader_can_remove_or_promote(self):
        target = Membership.objects.get(network=self.network, user=self.users["member"])
        for action in ("promote", "remove"):
            url = reverse("community:network_member_action", args=["coastal-stroke", target.pk, action])
            for role in ("verified", "other_member", "member", "moderator", "editor", "unverified"):
                with self.subTest(role=role, action=action):
                    self.as_role(role)
                    self.assertEqual(self.client.post(url).status_code, 403)
        target.refresh_from_db()
        self.assertEqual(target.role, Membership.Role.MEMBER)

    def test_contact_needs_a_verified_member(self):
        url = reverse("community:network_contact", args=["coastal-stroke"])
        expected = dict.fromkeys(ROLES, 200) | {"anonymous": 302, "unverified": 403}
        self.check("get", url, expected)

    def test_create_network_needs_a_verified_member(self):
        url = reverse("community:network_create")
        expected = dict.fromkeys(ROLES, 200) | {"anonymous": 302, "unverified": 403}
        self.check("get", url, expected)

    def test_expired_and_used_invitations_are_refused(self):
        invitation, token = Invitation.create(self.network, "someone@example.org", self.users["leader"])
        url = reverse("community:invitation", args=[token])
        Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
        self.as_role("verified")
        response = self.client.get(url)
        self.assertContains(response, "This invitation has expired", status_code=410)
        self.client.post(url)
        self.assertFalse(Membership.objects.filter(network=self.network, user=self.users["verified"]).exists())

        # Sent to the member who accepts it: an invitation works only for its own address.
        invitation, token = Invitation.create(self.network, self.users["verified"].email, self.users["leader"])
        url = reverse("community:invitation", args=[token])
        self.assertEqual(self.client.post(url, {"accept": ""}).status_code, 302)
        self.as_role("other_member")
        response = self.client.post(url, {"accept": ""})
        self.assertContains(response, "already been used", status_code=410)
        self.assertFalse(Membership.objects.filter(network=self.network, user=self.users["other_member"]).exists())
        self.assertEqual(self.client.get(reverse("community:invitation", args=["made-up"])).status_code, 404)

    def test_wagtail_admin_networks_for_editors_and_moderators_only(self):
        url = reverse("wagtailsnippets_networks_network:list")
        for role in ROLES:
            with self.subTest(role=role):
                self.as_role(role)
                response = self.client.get(url)
                if role in ("editor", "moderator"):
                    self.assertEqual(response.status_code, 200)
                    self.assertContains(response, "Quiet Hidden Group")
                else:
                    self.assertIn(response.status_code, (302, 403))
                    self.assertNotContains(response, "Quiet Hidden Group", status_code=response.status_code)

    def test_editor_can_hide_and_feature_a_network_in_the_admin(self):
        self.as_role("editor")
        url = reverse("wagtailsnippets_networks_network:edit", args=[self.network.pk])
        self.assertEqual(self.client.get(url).status_code, 200)
        data = {
            "name": self.network.name,
            "summary": self.network.summary,
            "description": "",
            "network_type": self.network.network_type,
            "join_policy": self.network.join_policy,
            "topics": "",
            "website": "",
            "year_founded": "",
            "approximate_size": "",
            "featured": "on",
            "hidden": "on",
        }
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302, response.content[:3000])
        self.network.refresh_from_db()
        self.assertTrue(self.network.hidden)
        self.assertTrue(self.network.featured)
        self.as_role("verified")
        self.assertNotContains(self.client.get(reverse("community:network_directory")), "Coastal Stroke Network")
