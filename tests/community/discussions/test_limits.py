"""Abuse limits, with the rate limiter's clock under the test's control (no sleeping)."""

from datetime import timedelta
from unittest import mock

from django.utils import timezone

from community.discussions import posting
from community.discussions.models import Post, Thread
from community.members.factories import make_member

from .base import DiscussionTestCase

START = 1_000_000_000.0  # seconds since the epoch; the windows line up with it (divisible by 3600 and 86400)
START = START - START % 86400


class Clock:
    def __init__(self, test):
        self.now = START
        patcher = mock.patch("source4networks.ratelimit.time.time", side_effect=lambda: self.now)
        patcher.start()
        test.addCleanup(patcher.stop)

    def advance(self, seconds):
        self.now += seconds


class LimitTests(DiscussionTestCase):
    def setUp(self):
        super().setUp()
        self.clock = Clock(self)
        self.new_member = make_member(username="newbie", display_name="Nina New")
        self.reply_url = self.open_thread.get_absolute_url() + "reply/"

    def reply(self, user, body="A reply"):
        self.client.force_login(user)
        return self.client.post(self.reply_url, {"body": body, "post": "1"})

    def thread(self, user, title="A brand new thread"):
        self.client.force_login(user)
        return self.client.post("/community/general/new/", {"title": title, "body": "Body", "post": "1"})

    def test_ten_seconds_between_posts(self):
        self.assertEqual(self.reply(self.member).status_code, 302)
        self.clock.advance(9)
        response = self.reply(self.member, "Too soon, keep me")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Please wait 10 seconds between posts. Try again in 1 second.")
        self.assertContains(response, "Too soon, keep me")  # the text is kept
        self.assertContains(response, "<title>Error: ")
        self.clock.advance(1)
        self.assertEqual(self.reply(self.member).status_code, 302)

    def test_thirty_posts_an_hour(self):
        for _ in range(30):
            self.assertEqual(self.reply(self.member).status_code, 302)
            self.clock.advance(10)
        response = self.reply(self.member, "Thirty-first")
        self.assertContains(response, "You can post 30 times an hour.")
        self.assertEqual(Post.objects.filter(author=self.member).count(), 30)
        self.clock.now = START + 3600
        self.assertEqual(self.reply(self.member).status_code, 302)

    def test_new_accounts_three_threads_a_day(self):
        for n in range(3):
            self.assertEqual(self.thread(self.new_member, f"New thread number {n}").status_code, 302)
            self.clock.advance(10)
        response = self.thread(self.new_member, "The fourth thread")
        self.assertContains(response, "New accounts can start 3 threads a day.")
        self.assertContains(response, "The fourth thread")
        self.assertEqual(Thread.objects.filter(author=self.new_member).count(), 3)
        self.clock.now = START + 86400
        self.assertEqual(self.thread(self.new_member, "Next day thread").status_code, 302)

    def test_new_accounts_ten_replies_a_day(self):
        for _ in range(10):
            self.assertEqual(self.reply(self.new_member).status_code, 302)
            self.clock.advance(10)
        self.assertContains(self.reply(self.new_member), "New accounts can post 10 replies a day.")
        # An older account is not held to it.
        for _ in range(11):
            self.assertEqual(self.reply(self.member).status_code, 302)
            self.clock.advance(10)
        self.clock.now = START + 86400
        self.assertEqual(self.reply(self.new_member).status_code, 302)

    def test_new_accounts_two_links_a_post(self):
        two = "See https://example.org/a and [this](https://example.org/b)."
        three = two + " Also <https://example.org/c>."
        self.assertContains(self.reply(self.new_member, three), "at most 2 links in a post")
        self.assertEqual(self.reply(self.new_member, two).status_code, 302)
        self.clock.advance(10)
        self.assertEqual(self.reply(self.member, three).status_code, 302)

    def test_a_day_old_account_is_no_longer_new(self):
        self.new_member.date_joined = timezone.now() - timedelta(hours=24, seconds=1)
        self.new_member.save()
        self.assertEqual(self.reply(self.new_member, "https://a.org https://b.org https://c.org").status_code, 302)

    def test_limits_are_checked_without_counting(self):
        refusal = posting.check_limits(self.member, "reply", "text")
        self.assertIsNone(refusal)
        self.assertIsNone(posting.check_limits(self.member, "reply", "text"))

    def test_unverified_cannot_post(self):
        response = self.reply(self.unverified)
        self.assertEqual(response.status_code, 403)
        self.assertContains(response, "Confirm your email address", status_code=403)

    def test_suspended_member_is_told_why(self):
        response = self.reply(self.suspended)
        self.assertContains(response, "Repeated personal attacks", status_code=403)
        response = self.client.get(self.open_thread.get_absolute_url())
        self.assertContains(response, "Repeated personal attacks")
