"""A member who is not in the member directory has a minimal profile: other members see only
their name and their posts in spaces the viewer may read. The member sees their own in full."""

from django.urls import reverse

from community.discussions.factories import SpaceFactory, make_thread
from community.discussions.models import SpaceKind
from community.members.factories import make_member
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Membership
from tests.community.base import CommunityTestCase

DETAILS = ("Ward manager", "Riverside Trust", "I coordinate discharge across the river.", "frailty")


class ProfilePrivacyTests(CommunityTestCase):
    @classmethod
    def setUpTestData(cls):
        network = NetworkFactory(name="Riverside Frailty Network", slug="riverside")
        cls.opted_out = make_member(
            username="opted-out",
            display_name="Olu Optedout",
            job_title=DETAILS[0],
            organisation=DETAILS[1],
            bio=DETAILS[2],
            interests=[DETAILS[3]],
        )
        cls.listed = make_member(
            username="listed",
            display_name="Lia Listed",
            job_title=DETAILS[0],
            organisation=DETAILS[1],
            bio=DETAILS[2],
            interests=[DETAILS[3]],
            show_in_directory=True,
        )
        add_member(network, cls.opted_out, role=Membership.Role.LEADER)
        add_member(network, cls.listed, shown=True)
        cls.viewer = make_member(username="viewer")
        cls.moderator = make_member(username="moderator", groups=["Moderators"])
        open_space = SpaceFactory(name="General", slug="general", kind=SpaceKind.OPEN)
        private = SpaceFactory(
            name="Riverside private", slug="riverside-private", kind=SpaceKind.NETWORK, network=network
        )
        make_thread(open_space, cls.opted_out, title="Discharge on Fridays")
        make_thread(private, cls.opted_out, title="Private rota worries")

    def url(self, user):
        return reverse("community:member_profile", args=[user.username])

    def test_visitor_is_asked_to_sign_in(self):
        response = self.client.get(self.url(self.opted_out))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])

    def assertMinimal(self, page):
        self.assertContains(page, "Olu Optedout")
        self.assertContains(page, "Discharge on Fridays")
        for text in DETAILS:
            self.assertNotContains(page, text)
        self.assertNotContains(page, "Riverside Frailty Network")
        self.assertContains(page, "not in the member directory")

    def test_another_member_sees_only_the_name_and_posts_they_may_read(self):
        self.client.force_login(self.viewer)
        page = self.client.get(self.url(self.opted_out))
        self.assertMinimal(page)
        self.assertNotContains(page, "Private rota worries")

    def test_a_fellow_network_member_also_sees_posts_in_the_network_space(self):
        self.client.force_login(self.listed)
        page = self.client.get(self.url(self.opted_out))
        self.assertMinimal(page)
        self.assertContains(page, "Private rota worries")

    def test_moderators_see_the_minimal_profile_too(self):
        # Moderators read every space, so they see every post; the details stay private.
        self.client.force_login(self.moderator)
        self.assertMinimal(self.client.get(self.url(self.opted_out)))

    def test_a_member_sees_their_own_profile_in_full(self):
        self.client.force_login(self.opted_out)
        page = self.client.get(self.url(self.opted_out))
        for text in DETAILS:
            self.assertContains(page, text)
        self.assertContains(page, "Riverside Frailty Network")
        self.assertContains(page, "Private rota worries")
        self.assertContains(page, "other members see only your name and your posts")

    def test_members_in_the_directory_keep_a_full_profile(self):
        self.client.force_login(self.viewer)
        page = self.client.get(self.url(self.listed))
        for text in DETAILS:
            self.assertContains(page, text)
        self.assertContains(page, "Riverside Frailty Network")
        self.assertNotContains(page, "not in the member directory")

    def test_the_profile_form_says_what_others_see(self):
        self.client.force_login(self.opted_out)
        self.assertContains(
            self.client.get(reverse("community:account_profile")),
            "If you are not in the member directory, they see only your name and your posts.",
        )
