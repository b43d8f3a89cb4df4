"""Reply emails and digests, through django.core.mail.outbox."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from community.discussions.models import Post, ThreadSubscription
from community.discussions.notifications import send_digests
from community.discussions.posting import add_reply, subscribe
from community.members.models import NotificationFrequency

from .base import DiscussionTestCase, old_member


class ReplyEmailTests(DiscussionTestCase):
    def reply(self, user, thread, body):
        with self.captureOnCommitCallbacks(execute=True):
            return add_reply(user, thread, body)

    def test_subscribers_but_not_the_author_get_one_email(self):
        subscribe(self.author, self.open_thread)
        subscribe(self.member, self.open_thread)
        self.reply(self.member, self.open_thread, "Our network uses a shared rota.")
        self.assertEqual([m.to for m in mail.outbox], [[self.author.email]])
        message = mail.outbox[0]
        self.assertIn("Open thread about pathways", message.subject)
        self.assertIn("Mo Member replied", message.body)
        self.assertIn("Our network uses a shared rota.", message.body)
        self.assertIn("List-Unsubscribe", message.extra_headers)

    def test_posting_subscribes_the_author(self):
        self.reply(self.member, self.open_thread, "First")
        self.assertTrue(ThreadSubscription.objects.filter(user=self.member, thread=self.open_thread).exists())

    def test_preference_off_or_digest_gets_no_immediate_email(self):
        for frequency in (NotificationFrequency.OFF, NotificationFrequency.DAILY, NotificationFrequency.WEEKLY):
            mail.outbox.clear()
            self.author.profile.notification_frequency = frequency
            self.author.profile.save()
            subscribe(self.author, self.open_thread)
            self.reply(self.member, self.open_thread, f"Reply for {frequency}")
            self.assertEqual(mail.outbox, [])

    def test_hidden_thread_sends_nothing(self):
        subscribe(self.author, self.open_thread)
        self.open_thread.hidden = True
        self.open_thread.save()
        self.reply(self.moderator, self.open_thread, "Moderator note")
        self.assertEqual(mail.outbox, [])

    def test_unsubscribe_link_works_signed_out(self):
        subscribe(self.author, self.open_thread)
        self.reply(self.member, self.open_thread, "Hello")
        link = [line for line in mail.outbox[0].body.splitlines() if "/community/unsubscribe/" in line][0]
        path = link.split("http://testserver", 1)[1]
        self.client.logout()
        # Opening the link only asks; the button (a POST) unsubscribes.
        response = self.client.get(path)
        self.assertContains(response, "Stop emails about this thread?")
        self.assertTrue(ThreadSubscription.objects.filter(user=self.author, thread=self.open_thread).exists())
        response = self.client.post(path)
        self.assertContains(response, "You have unsubscribed")
        self.assertFalse(ThreadSubscription.objects.filter(user=self.author, thread=self.open_thread).exists())
        # Nothing more arrives; "Subscribe again" undoes it.
        mail.outbox.clear()
        self.reply(self.other_poster(), self.open_thread, "Another")
        self.assertNotIn([self.author.email], [m.to for m in mail.outbox])
        response = self.client.post(path, {"action": "subscribe"})
        self.assertContains(response, "Subscribed again")
        self.assertTrue(ThreadSubscription.objects.filter(user=self.author, thread=self.open_thread).exists())

    def test_tampered_unsubscribe_link_is_refused(self):
        self.assertEqual(self.client.get("/community/unsubscribe/not-a-token/").status_code, 404)

    def other_poster(self):
        return old_member(username="poster2", display_name="Pat Poster")


class DigestTests(DiscussionTestCase):
    def setUp(self):
        super().setUp()
        self.author.profile.notification_frequency = NotificationFrequency.DAILY
        self.author.profile.save()
        subscribe(self.author, self.open_thread)
        subscribe(self.author, self.members_thread)

    def post(self, thread, body, user=None, ago=timedelta(hours=1)):
        return Post.objects.create(
            thread=thread, author=user or self.member, body=body, created_at=timezone.now() - ago
        )

    def test_one_digest_with_each_new_item_once(self):
        self.post(self.open_thread, "Daily item one")
        self.post(self.members_thread, "Daily item two")
        self.post(self.open_thread, "My own words", user=self.author)
        self.assertEqual(send_digests("daily"), 1)
        self.assertEqual(len(mail.outbox), 1)
        body = mail.outbox[0].body
        self.assertEqual(mail.outbox[0].to, [self.author.email])
        self.assertIn("Daily item one", body)
        self.assertIn("Daily item two", body)
        self.assertNotIn("My own words", body)
        self.assertIn("/community/unsubscribe/", body)
        # Run again: nothing new, nothing sent.
        mail.outbox.clear()
        self.assertEqual(send_digests("daily"), 0)
        self.assertEqual(mail.outbox, [])
        # Only the newer item in the next one.
        self.post(self.open_thread, "Daily item three", ago=timedelta(0))
        send_digests("daily", now=timezone.now() + timedelta(seconds=1))
        self.assertEqual(len(mail.outbox), 1)
        self.assertIn("Daily item three", mail.outbox[0].body)
        self.assertNotIn("Daily item one", mail.outbox[0].body)

    def test_weekly_members_are_not_in_the_daily_run(self):
        self.author.profile.notification_frequency = NotificationFrequency.WEEKLY
        self.author.profile.save()
        self.post(self.open_thread, "Weekly item")
        self.assertEqual(send_digests("daily"), 0)
        self.assertEqual(send_digests("weekly"), 1)
        self.assertIn("Weekly item", mail.outbox[0].body)

    def test_hidden_and_deleted_posts_are_left_out(self):
        self.post(self.open_thread, "Visible item")
        hidden = self.post(self.open_thread, "Hidden item")
        hidden.hidden = True
        hidden.save()
        send_digests("daily")
        self.assertIn("Visible item", mail.outbox[0].body)
        self.assertNotIn("Hidden item", mail.outbox[0].body)

    def test_command(self):
        from io import StringIO

        from django.core.management import call_command

        self.post(self.open_thread, "Command item")
        out = StringIO()
        call_command("send_digests", "--period", "daily", stdout=out)
        self.assertIn("Sent 1 daily digest", out.getvalue())
