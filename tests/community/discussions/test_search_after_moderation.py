"""A thread's text leaves search as soon as its opening post is hidden, deleted or edited,
not when a background worker gets round to it."""

from django.test import TestCase
from django.urls import reverse

from community.discussions import posting
from community.discussions.factories import SpaceFactory
from community.discussions.models import SpaceKind
from community.members.factories import make_member

TITLE = "Ward rounds at weekends"


class SearchAfterModerationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.space = SpaceFactory(name="General", slug="general", kind=SpaceKind.OPEN)
        cls.author = make_member(username="author", display_name="Ada Author")
        cls.moderator = make_member(username="moderator", display_name="Max Moderator", groups=["Moderators"])

    def setUp(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.thread = posting.start_thread(self.author, self.space, TITLE, "We tried quokka huddles on Saturdays.")
        self.opening = self.thread.posts.get(is_opening=True)

    def found(self, word):
        self.client.logout()
        response = self.client.get(reverse("search"), {"q": word, "type": "discussions"})
        return TITLE in response.content.decode()

    def post_as(self, user, url, data=None):
        self.client.force_login(user)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url, data or {})
        self.assertEqual(response.status_code, 302)

    def test_hiding_the_opening_post_removes_its_text_at_once(self):
        self.assertTrue(self.found("quokka"))
        self.post_as(self.moderator, reverse("community:moderate_post", args=[self.opening.pk, "hide"]))
        self.assertFalse(self.found("quokka"))
        self.assertTrue(self.found("weekends"))  # the thread itself is still there, by its title
        self.post_as(self.moderator, reverse("community:moderate_post", args=[self.opening.pk, "unhide"]))
        self.assertTrue(self.found("quokka"))

    def test_deleting_the_opening_post_removes_its_text_at_once(self):
        self.post_as(self.author, reverse("community:post_delete", args=[self.opening.pk]))
        self.assertFalse(self.found("quokka"))

    def test_editing_the_opening_post_replaces_its_text_at_once(self):
        self.post_as(
            self.author,
            reverse("community:post_edit", args=[self.opening.pk]),
            {"title": TITLE, "body": "We tried wombat huddles instead.", "post": "1"},
        )
        self.assertFalse(self.found("quokka"))
        self.assertTrue(self.found("wombat"))
