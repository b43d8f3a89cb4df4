"""The custom admin screens write dates as the rest of the site does ("5 March 2026, 14:07", in UK
time), not in a short form of their own or as "3 hours ago"."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from community.discussions import moderation
from community.discussions.models import ModerationAction, PostReport

from .base import DiscussionTestCase

# A summer time in London (UTC+1): a date written in UTC would show 23:30 on the 2nd.
WHEN = datetime(2026, 6, 3, 0, 30, tzinfo=ZoneInfo("Europe/London"))
SITE_FORMAT = "3 June 2026, 00:30"


class AdminDateTests(DiscussionTestCase):
    def setUp(self):
        super().setUp()
        reply = self.open_thread.posts.get(is_opening=False)
        self.report = PostReport.objects.create(post=reply, reporter=self.member, reason="Spam about rotas")
        PostReport.objects.filter(pk=self.report.pk).update(created_at=WHEN)
        moderation.moderate_thread(self.moderator, self.open_thread, "lock", "Answered.")
        self.entry = ModerationAction.objects.get()
        ModerationAction.objects.filter(pk=self.entry.pk).update(created_at=WHEN)
        self.client.force_login(self.moderator)

    def test_reports_queue(self):
        response = self.client.get("/admin/discussions/reports/")
        self.assertContains(response, SITE_FORMAT)
        self.assertNotContains(response, "3 Jun 2026")

    def test_moderation_log_list_and_entry(self):
        for url in [
            "/admin/snippets/discussions/moderationaction/",
            f"/admin/snippets/discussions/moderationaction/inspect/{self.entry.pk}/",
            "/admin/snippets/discussions/postreport/",
            f"/admin/snippets/discussions/postreport/inspect/{self.report.pk}/",
        ]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertContains(response, SITE_FORMAT)

    def test_recent_entries_are_dated_not_aged(self):
        ModerationAction.objects.filter(pk=self.entry.pk).update(created_at=timezone.now() - timedelta(hours=3))
        response = self.client.get("/admin/snippets/discussions/moderationaction/")
        self.assertNotContains(response, "hours ago")
        self.assertContains(response, timezone.localtime(timezone.now() - timedelta(hours=3)).strftime("%Y, "))
