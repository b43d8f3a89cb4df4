"""A network page names its leaders to visitors only if each chose "show me as a leader publicly"
(off by default); signed-in members always see who leads a network."""

import json

from django.urls import reverse

from community.members.factories import make_member
from community.members.models import Profile
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Membership
from tests.community.base import CommunityTestCase

PUBLIC = ("Pat Public", "Clinical lead", "Northshore Trust")
PRIVATE = ("Quinn Quiet", "Service manager", "Hidden Valley Trust")


class LeaderPrivacyTests(CommunityTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.network = NetworkFactory(name="Coastal Stroke Network", slug="coastal")
        cls.public_leader = make_member(
            username="public-leader",
            display_name=PUBLIC[0],
            job_title=PUBLIC[1],
            organisation=PUBLIC[2],
            show_as_leader_publicly=True,
        )
        cls.private_leader = make_member(
            username="private-leader", display_name=PRIVATE[0], job_title=PRIVATE[1], organisation=PRIVATE[2]
        )
        add_member(cls.network, cls.public_leader, role=Membership.Role.LEADER)
        add_member(cls.network, cls.private_leader, role=Membership.Role.LEADER)
        cls.member = make_member(username="member")
        add_member(cls.network, cls.member)
        cls.other_member = make_member(username="other-member")
        cls.url = reverse("community:network_detail", args=["coastal"])

    def test_leaders_are_not_public_unless_they_choose(self):
        self.assertFalse(make_member().profile.show_as_leader_publicly)

    def test_visitor_sees_only_leaders_who_chose_to_be_public(self):
        page = self.client.get(self.url)
        for text in PUBLIC:
            self.assertContains(page, text)
        for text in PRIVATE:
            self.assertNotContains(page, text)
        self.assertContains(page, "to see all the leaders of this network")

    def test_visitor_sees_no_names_when_no_leader_is_public(self):
        network = NetworkFactory(name="Quiet Network", slug="quiet")
        add_member(network, self.private_leader, role=Membership.Role.LEADER)
        page = self.client.get(reverse("community:network_detail", args=["quiet"]))
        for text in PRIVATE:
            self.assertNotContains(page, text)
        self.assertContains(page, "to see who leads this network")

    def test_signed_in_members_see_every_leader(self):
        for user in (self.member, self.other_member, self.private_leader, self.public_leader):
            with self.subTest(user=user.username):
                self.client.force_login(user)
                page = self.client.get(self.url)
                for text in PUBLIC + PRIVATE:
                    self.assertContains(page, text)
                self.assertContains(page, reverse("community:member_profile", args=["private-leader"]))
                self.assertNotContains(page, "to see all the leaders")

    def test_a_leader_chooses_it_on_their_profile(self):
        self.client.force_login(self.private_leader)
        form = self.client.get(reverse("community:account_profile"))
        self.assertContains(form, "Show me as a leader publicly")
        self.assertContains(form, "visitors who are not signed in see your name, job title and organisation")
        data = {
            "display_name": PRIVATE[0],
            "job_title": PRIVATE[1],
            "organisation": PRIVATE[2],
            "bio": "",
            "interests": "",
        }
        self.client.post(reverse("community:account_profile"), data | {"show_as_leader_publicly": "on"})
        self.assertTrue(Profile.objects.get(user=self.private_leader).show_as_leader_publicly)
        self.client.logout()
        for text in PRIVATE:
            self.assertContains(self.client.get(self.url), text)

        self.client.force_login(self.private_leader)
        self.client.post(reverse("community:account_profile"), data)
        self.assertFalse(Profile.objects.get(user=self.private_leader).show_as_leader_publicly)
        self.client.logout()
        self.assertNotContains(self.client.get(self.url), PRIVATE[0])

    def test_download_my_data_includes_the_setting(self):
        self.client.force_login(self.public_leader)
        data = json.loads(self.client.post(reverse("community:account_download")).content)
        self.assertIs(data["profile"]["show_as_leader_publicly"], True)
