"""The unsubscribe link in discussion emails: opening it (as mail scanners do) changes
nothing; its button, or a mail program's one-click POST without a CSRF token (RFC 8058),
unsubscribes; a bad token changes nothing."""

import re
from datetime import timedelta

from django.core import mail
from django.test import Client
from django.utils import timezone

from community.discussions.models import Post, ThreadSubscription
from community.discussions.notifications import send_digests, unsubscribe_token
from community.discussions.posting import add_reply, subscribe
from community.members.models import NotificationFrequency
from tests.community.discussions.base import DiscussionTestCase
from tests.quality.vnu import validity_problems

ONE_CLICK = {"List-Unsubscribe": "One-Click"}


def header_link(message):
    """The address in the List-Unsubscribe header, as a path."""
    return re.fullmatch(r"<http://testserver(/\S+)>", message.extra_headers["List-Unsubscribe"]).group(1)


class UnsubscribeTests(DiscussionTestCase):
    def setUp(self):
        super().setUp()
        # A mail program's POST carries no CSRF cookie or token.
        self.mail_program = Client(enforce_csrf_checks=True)
        subscribe(self.author, self.open_thread)

    def subscribed(self):
        return ThreadSubscription.objects.filter(user=self.author, thread=self.open_thread).exists()

    def reply_email(self):
        with self.captureOnCommitCallbacks(execute=True):
            add_reply(self.member, self.open_thread, "A reply")
        [message] = mail.outbox
        return message

    def test_reply_emails_offer_one_click_unsubscribe(self):
        message = self.reply_email()
        self.assertEqual(message.extra_headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")
        self.assertIn(f"http://testserver{header_link(message)}", message.body)

    def test_opening_the_link_changes_nothing_and_shows_one_button(self):
        path = header_link(self.reply_email())
        for _ in range(2):
            response = self.client.get(path)
            self.assertContains(response, "Stop emails about this thread?")
            self.assertTrue(self.subscribed())
        html = response.content.decode()
        self.assertEqual(len(re.findall(r"<button", html.split('id="maincontent"', 1)[1].split("</main>")[0])), 1)
        self.assertEqual(self.client.head(path).status_code, 200)
        self.assertTrue(self.subscribed())

    def test_the_button_unsubscribes(self):
        path = header_link(self.reply_email())
        response = self.client.post(path)
        self.assertContains(response, "You have unsubscribed")
        self.assertFalse(self.subscribed())

    def test_one_click_post_without_a_csrf_token_unsubscribes(self):
        path = header_link(self.reply_email())
        response = self.mail_program.post(path, ONE_CLICK)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(self.subscribed())

    def test_a_bad_token_changes_nothing(self):
        token = unsubscribe_token(self.author, self.open_thread)
        tampered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
        for path in [f"/community/unsubscribe/{tampered}/", "/community/unsubscribe/not-a-token/"]:
            self.assertEqual(self.mail_program.post(path, ONE_CLICK).status_code, 404)
            self.assertEqual(self.client.post(path).status_code, 404)
        self.assertTrue(self.subscribed())

    def test_other_forms_still_need_a_csrf_token(self):
        self.mail_program.force_login(self.author)
        response = self.mail_program.post(f"{self.open_thread.get_absolute_url()}subscribe/", {"action": "unsubscribe"})
        self.assertEqual(response.status_code, 403)
        self.assertTrue(self.subscribed())

    def test_digest_one_click_stops_every_discussion_email(self):
        self.author.profile.notification_frequency = NotificationFrequency.DAILY
        self.author.profile.save()
        Post.objects.create(
            thread=self.open_thread, author=self.member, body="New", created_at=timezone.now() - timedelta(hours=1)
        )
        send_digests("daily")
        [message] = mail.outbox
        self.assertEqual(message.extra_headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")
        path = header_link(message)
        self.assertContains(self.client.get(path), "Stop emails about discussions?")
        self.author.profile.refresh_from_db()
        self.assertEqual(self.author.profile.notification_frequency, NotificationFrequency.DAILY)
        self.assertEqual(self.mail_program.post(path, ONE_CLICK).status_code, 200)
        self.author.profile.refresh_from_db()
        self.assertEqual(self.author.profile.notification_frequency, NotificationFrequency.OFF)

    def test_the_pages_are_valid_html(self):
        thread_path = f"/community/unsubscribe/{unsubscribe_token(self.author, self.open_thread)}/"
        every_path = f"/community/unsubscribe/{unsubscribe_token(self.author)}/"
        pages = {
            "asks": self.client.get(thread_path),
            "asks, every thread": self.client.get(every_path),
            "done": self.client.post(thread_path),
            "subscribed again": self.client.post(thread_path, {"action": "subscribe"}),
            "done, every thread": self.client.post(every_path),
        }
        for name, response in pages.items():
            self.assertEqual(response.status_code, 200, name)
        problems = validity_problems({name: response.content for name, response in pages.items()})
        self.assertEqual(problems, [], "\n".join(problems))
