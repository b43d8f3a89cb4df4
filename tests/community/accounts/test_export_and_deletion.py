"""My account: download my data, delete my account."""

import json

from allauth.account.models import EmailAddress
from django.contrib.auth.models import User
from django.urls import reverse

from community.members.factories import make_member
from community.members.models import Profile, SavedItem
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Invitation, Membership
from resources.factories import ResourcePageFactory
from tests.community.base import CommunityTestCase


class DataExportTests(CommunityTestCase):
    def test_export_holds_my_data_and_nobody_elses(self):
        me = make_member(email="me@example.org", display_name="Mira Example", organisation="Mine Trust", bio="My bio")
        me.profile.interests.set(["co-production"])
        someone = make_member(email="someone@example.org", display_name="Other Olu", organisation="Their Trust")
        network = NetworkFactory(name="Shared Network")
        add_member(network, me, role=Membership.Role.LEADER)
        add_member(network, someone)
        Invitation.create(network, "invitee@example.org", me)
        resource = ResourcePageFactory(title="Saved guide")
        SavedItem.objects.create(user=me, page=resource)
        SavedItem.objects.create(user=someone, page=ResourcePageFactory(title="Their guide"))

        self.client.force_login(me)
        self.assertContains(self.client.get(reverse("community:account_download")), "Download my data")
        response = self.client.post(reverse("community:account_download"))
        self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")
        self.assertIn("attachment;", response["Content-Disposition"])
        data = json.loads(response.content)
        self.assertEqual(data["account"]["email"], "me@example.org")
        self.assertEqual(data["profile"]["display_name"], "Mira Example")
        self.assertEqual(data["profile"]["interests"], ["co-production"])
        self.assertEqual([m["network"] for m in data["memberships"]], ["Shared Network"])
        self.assertEqual(data["memberships"][0]["role"], "leader")
        self.assertEqual([item["title"] for item in data["saved_items"]], ["Saved guide"])
        self.assertEqual(data["invitations_sent"], 1)
        text = response.content.decode()
        for other in ("someone@example.org", "Other Olu", "Their Trust", "Their guide", "invitee@example.org"):
            self.assertNotIn(other, text)


class DeleteAccountTests(CommunityTestCase):
    def test_deleting_removes_personal_data_and_closes_the_account(self):
        me = make_member(email="leaving@example.org", display_name="Lou Leaving", show_in_directory=True)
        stays = make_member(display_name="Sticking Sam")
        network = NetworkFactory(name="Lakes Network")
        add_member(network, stays, role=Membership.Role.LEADER)
        add_member(network, me, shown=True)
        SavedItem.objects.create(user=me, page=ResourcePageFactory())
        Invitation.create(NetworkFactory(), "leaving@example.org", stays)
        self.client.force_login(me)
        response = self.client.post(reverse("community:account_delete"), {"password": "correct horse battery staple"})
        self.assertRedirects(response, "/", fetch_redirect_response=False)
        self.assertNotIn("_auth_user_id", self.client.session)
        me.refresh_from_db()
        self.assertFalse(me.is_active)
        self.assertEqual(me.email, "")
        self.assertFalse(me.has_usable_password())
        self.assertFalse(Profile.objects.filter(user=me).exists())
        self.assertFalse(Membership.objects.filter(user=me).exists())
        self.assertFalse(SavedItem.objects.filter(user=me).exists())
        self.assertFalse(EmailAddress.objects.filter(user=me).exists())
        self.assertFalse(Invitation.objects.filter(email="leaving@example.org").exists())
        # The rest stays consistent: the network and its leader are untouched.
        self.assertTrue(Membership.objects.filter(network=network, user=stays, role="leader").exists())
        page = self.client.get(network.get_absolute_url())
        self.assertNotContains(page, "Lou Leaving")
        # They can no longer sign in.
        response = self.client.post(
            reverse("account_login"), {"login": "leaving@example.org", "password": "correct horse battery staple"}
        )
        self.assertNotIn("_auth_user_id", self.client.session)
        self.assertEqual(User.objects.filter(email="leaving@example.org").count(), 0)

    def test_only_leader_of_a_network_cannot_delete_and_is_told_why(self):
        me = make_member()
        network = NetworkFactory(name="Solo Led Network")
        add_member(network, me, role=Membership.Role.LEADER)
        add_member(network, make_member())
        self.client.force_login(me)
        page = self.client.get(reverse("community:account_delete"))
        self.assertContains(page, "You are the only leader of")
        self.assertContains(page, "Solo Led Network")
        self.client.post(reverse("community:account_delete"), {"password": "correct horse battery staple"})
        me.refresh_from_db()
        self.assertTrue(me.is_active)
        self.assertTrue(Membership.objects.filter(user=me).exists())
