"""The permission matrix: every discussion page and action, for every kind of person."""

from django.core.cache import cache

from community.discussions.models import Post, Thread

from .base import DiscussionTestCase, old_member

ROLES = ["anonymous", "unverified", "member", "network_member", "author", "other", "moderator", "suspended"]
LOGIN = "login"  # redirected to sign in


def row(default, **overrides):
    return {role: overrides.get(role, default) for role in ROLES}


class PermissionMatrixTests(DiscussionTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.other = old_member(username="other", display_name="Otto Other")

    def user_for(self, role):
        return None if role == "anonymous" else getattr(self, role)

    def request(self, role, method, url, data=None):
        self.client.logout()
        cache.clear()  # the 10-second wait between posts is not what this test is about
        user = self.user_for(role)
        if user is not None:
            self.client.force_login(user)
        response = self.client.post(url, data or {}) if method == "post" else self.client.get(url)
        if response.status_code == 302 and "/accounts/login/" in response["Location"]:
            return LOGIN
        return response.status_code

    def check(self, name, method, url, expected, data=None):
        for role in ROLES:
            with self.subTest(action=name, role=role):
                self.assertEqual(self.request(role, method, url, data), expected[role])

    def test_reading(self):
        outsiders_404 = {"anonymous": 404, "unverified": 404, "member": 404, "other": 404, "suspended": 404}
        for name, url in [
            ("open space", "/community/general/"),
            ("open thread", self.open_thread.get_absolute_url()),
            ("community home", "/community/"),
        ]:
            self.check(name, "get", url, row(200))
        self.check("members space", "get", "/community/lounge/", row(200, anonymous=404))
        self.check("members thread", "get", self.members_thread.get_absolute_url(), row(200, anonymous=404))
        self.check("private space", "get", "/community/stroke-private/", row(200, **outsiders_404))
        self.check("private thread", "get", self.private_thread.get_absolute_url(), row(200, **outsiders_404))
        # A thread's address under another space's slug does not find it.
        self.check(
            "thread under the wrong space", "get", f"/community/general/threads/{self.private_thread.pk}/", row(404)
        )

    def test_post_link(self):
        opening = self.private_thread.posts.get(is_opening=True)
        expected = row(302, anonymous=404, unverified=404, member=404, other=404, suspended=404)
        self.check("post link", "get", f"/community/posts/{opening.pk}/", expected)

    def test_starting_threads_and_replying(self):
        may_not_post = {"anonymous": LOGIN, "unverified": 403, "suspended": 403}
        self.check("new thread form", "get", "/community/general/new/", row(200, **may_not_post))
        self.check("reply form", "get", self.open_thread.get_absolute_url() + "reply/", row(200, **may_not_post))
        private = {"anonymous": 404, "unverified": 404, "member": 404, "other": 404, "suspended": 404}
        self.check("private new thread", "get", "/community/stroke-private/new/", row(200, **private))
        self.check("private reply", "get", self.private_thread.get_absolute_url() + "reply/", row(200, **private))

        data = {"title": "A question about rotas", "body": "How do you plan rotas?", "post": "1"}
        self.check("post a thread", "post", "/community/general/new/", row(302, **may_not_post), data)
        self.assertEqual(Thread.objects.filter(title="A question about rotas").count(), 5)
        reply_url = self.open_thread.get_absolute_url() + "reply/"
        self.check("post a reply", "post", reply_url, row(302, **may_not_post), {"body": "Agreed.", "post": "1"})
        self.assertEqual(Post.objects.filter(thread=self.open_thread, body="Agreed.").count(), 5)

    def test_locked_thread_refuses_replies(self):
        self.open_thread.locked = True
        self.open_thread.save()
        expected = row(403, anonymous=LOGIN)
        self.check(
            "reply to a locked thread", "post", self.open_thread.get_absolute_url() + "reply/", expected, {"body": "x"}
        )

    def test_own_posts(self):
        opening = self.open_thread.posts.get(is_opening=True)
        only_author = row(404, anonymous=LOGIN, author=200)
        self.check("edit form", "get", f"/community/posts/{opening.pk}/edit/", only_author)
        self.check("delete form", "get", f"/community/posts/{opening.pk}/delete/", only_author)
        self.check(
            "edit",
            "post",
            f"/community/posts/{opening.pk}/edit/",
            row(404, anonymous=LOGIN, author=302),
            {"title": "Open thread, edited", "body": "Edited body", "post": "1"},
        )
        opening.refresh_from_db()
        self.assertEqual(opening.body, "Edited body")
        self.assertIsNotNone(opening.edited_at)
        reply = self.open_thread.posts.get(is_opening=False)
        self.check("delete", "post", f"/community/posts/{reply.pk}/delete/", row(404, anonymous=LOGIN, author=302))
        reply.refresh_from_db()
        self.assertTrue(reply.is_deleted)

    def test_reporting(self):
        opening = self.open_thread.posts.get(is_opening=True)
        # Anyone verified who can read it, except its author, may report a post.
        expected = row(200, anonymous=LOGIN, unverified=404, author=404)
        self.check("report form", "get", f"/community/posts/{opening.pk}/report/", expected)
        expected = row(302, anonymous=LOGIN, unverified=404, author=404)
        self.check("report", "post", f"/community/posts/{opening.pk}/report/", expected, {"reason": "Spam"})
        self.assertEqual(opening.reports.count(), 5)  # member, insider, other, moderator, suspended
        private_opening = self.private_thread.posts.get(is_opening=True)
        expected = row(404, anonymous=LOGIN, network_member=200, moderator=200)
        self.check("report a private post", "get", f"/community/posts/{private_opening.pk}/report/", expected)

    def test_save_and_subscribe(self):
        url = self.members_thread.get_absolute_url()
        self.check("save", "post", url + "save/", row(302, anonymous=LOGIN))
        self.check("subscribe", "post", url + "subscribe/", row(302, anonymous=LOGIN))
        private = self.private_thread.get_absolute_url()
        outsiders = {"anonymous": LOGIN, "unverified": 404, "member": 404, "other": 404, "suspended": 404}
        self.check("save private", "post", private + "save/", row(302, **outsiders))

    def test_moderation(self):
        only_moderator = row(404, moderator=302)
        for action in ["pin", "unpin", "lock", "unlock", "hide", "unhide"]:
            self.check(action, "post", f"/community/moderate/threads/{self.open_thread.pk}/{action}/", only_moderator)
        reply = self.open_thread.posts.get(is_opening=False)
        for action in ["hide", "unhide"]:
            self.check(f"{action} post", "post", f"/community/moderate/posts/{reply.pk}/{action}/", only_moderator)
        data = {"space": self.members_space.pk}
        self.check("move", "post", f"/community/moderate/threads/{self.open_thread.pk}/move/", only_moderator, data)
        self.check("suspend page", "get", "/community/moderate/members/member/", row(404, moderator=200))
        data = {"action": "suspend", "reason": "Rude"}
        self.check("suspend", "post", "/community/moderate/members/other/", row(404, moderator=302), data)
        self.check(
            "unsuspend", "post", "/community/moderate/members/other/", row(404, moderator=302), {"action": "unsuspend"}
        )
        # Moderators' buttons are shown to moderators only.
        self.client.force_login(self.member)
        self.assertNotContains(self.client.get(self.members_thread.get_absolute_url()), "Moderate this thread")
        self.client.force_login(self.moderator)
        self.assertContains(self.client.get(self.members_thread.get_absolute_url()), "Moderate this thread")

    def test_network_space_switch(self):
        url = f"/networks/{self.network.slug}/space/"
        expected = row(404, anonymous=LOGIN, author=302)
        self.check("switch off", "post", url, expected, {"action": "off"})
        self.private_space.refresh_from_db()
        self.assertFalse(self.private_space.active)
