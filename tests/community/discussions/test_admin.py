"""Spaces, the reports queue and the moderation log in the Wagtail admin."""

from community.discussions.models import ModerationAction, PostReport

from .base import DiscussionTestCase


class AdminTests(DiscussionTestCase):
    def setUp(self):
        super().setUp()
        self.reply = self.open_thread.posts.get(is_opening=False)
        self.report = PostReport.objects.create(post=self.reply, reporter=self.member, reason="Spam about rotas")

    def test_moderator_sees_queue_log_and_spaces(self):
        self.client.force_login(self.moderator)
        self.assertContains(self.client.get("/admin/discussions/reports/"), "Spam about rotas")
        self.assertEqual(self.client.get("/admin/snippets/discussions/space/").status_code, 200)
        self.assertEqual(self.client.get("/admin/snippets/discussions/moderationaction/").status_code, 200)
        self.assertEqual(self.client.get("/admin/snippets/discussions/postreport/").status_code, 200)

    def test_hide_from_the_queue(self):
        self.client.force_login(self.moderator)
        response = self.client.post(f"/admin/discussions/reports/{self.report.pk}/hide/", {"reason": "Spam"})
        self.assertEqual(response.status_code, 302)
        self.report.refresh_from_db()
        self.reply.refresh_from_db()
        self.assertEqual(self.report.status, PostReport.Status.HIDDEN)
        self.assertTrue(self.reply.hidden)
        entry = ModerationAction.objects.get()
        self.assertEqual((entry.action, entry.moderator, entry.reason), ("hide_post", self.moderator, "Spam"))
        self.assertContains(self.client.get("/admin/snippets/discussions/moderationaction/"), "Hid post")
        # Members now see a placeholder.
        self.client.force_login(self.member)
        self.assertContains(self.client.get(self.open_thread.get_absolute_url()), "This post was hidden by a moderator")

    def test_dismiss(self):
        self.client.force_login(self.moderator)
        self.client.post(f"/admin/discussions/reports/{self.report.pk}/dismiss/")
        self.report.refresh_from_db()
        self.assertEqual(self.report.status, PostReport.Status.DISMISSED)
        self.assertFalse(self.reply.__class__.objects.get(pk=self.reply.pk).hidden)
        self.assertEqual(ModerationAction.objects.get().action, "dismiss_report")

    def test_others_cannot_use_the_queue(self):
        self.client.force_login(self.member)
        self.assertNotEqual(self.client.get("/admin/discussions/reports/").status_code, 200)
        self.client.post(f"/admin/discussions/reports/{self.report.pk}/hide/")
        self.report.refresh_from_db()
        self.assertEqual(self.report.status, PostReport.Status.OPEN)

    def test_every_public_moderation_action_is_logged(self):
        self.client.force_login(self.moderator)
        thread_url = f"/community/moderate/threads/{self.open_thread.pk}/"
        for action in ["pin", "lock", "hide", "unhide", "unlock", "unpin"]:
            self.client.post(thread_url + action + "/", {"reason": f"Because {action}"})
        self.client.post(thread_url + "move/", {"space": self.members_space.pk, "reason": "Better there"})
        self.client.post(
            f"/community/moderate/members/{self.member.username}/", {"reason": "Rude", "action": "suspend"}
        )
        self.client.post(f"/community/moderate/members/{self.member.username}/", {"action": "unsuspend"})
        actions = list(ModerationAction.objects.order_by("created_at", "pk").values_list("action", "reason"))
        self.assertEqual(
            actions,
            [
                ("pin", "Because pin"),
                ("lock", "Because lock"),
                ("hide_thread", "Because hide"),
                ("unhide_thread", "Because unhide"),
                ("unlock", "Because unlock"),
                ("unpin", "Because unpin"),
                ("move", "Better there"),
                ("suspend", "Rude"),
                ("unsuspend", ""),
            ],
        )
        self.open_thread.refresh_from_db()
        self.assertEqual(self.open_thread.space, self.members_space)
