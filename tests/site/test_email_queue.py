"""The task queue (django-tasks-db keeps every task's arguments in the database) holds no
email address, link or message text: email tasks take ids and build the message when they run.
Finished task records are pruned by `manage.py prune_db_task_results`."""

import json
import re
from datetime import timedelta

from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from community.discussions.factories import SpaceFactory, make_thread
from community.discussions.models import Post
from community.discussions.notifications import send_digests, send_reply_notifications
from community.discussions.posting import add_reply, subscribe
from community.members.factories import make_member
from community.members.models import NotificationFrequency
from community.networks import membership
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import ContactMessage, JoinPolicy, Membership
from diagnostics import rounds
from diagnostics.factories import NetworkRoundFactory

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
LINK = re.compile(r"https?://\S+")


def run_queue():
    """Run every waiting task as `manage.py db_worker` does (the worker itself closes
    database connections, which a test's transaction cannot survive)."""
    while task := DBTaskResult.objects.ready().order_by("enqueued_at").first():
        task.claim("test")
        result = task.task_result
        task.set_successful(task.task.call(*result.args, **result.kwargs))


@override_settings(TASKS=DATABASE_QUEUE)
class EmailQueueTests(TestCase):
    def setUp(self):
        cache.clear()

    def stored_arguments(self):
        return json.dumps(list(DBTaskResult.objects.values_list("args_kwargs", flat=True)))

    def test_queued_emails_hold_ids_only(self):
        # A member signs up and another asks for a password reset.
        self.client.post(
            reverse("account_signup"),
            {"display_name": "Priya N", "email": "priya@example.org", "password1": "sunrise-harbour-42", "terms": "on"},
        )
        make_member(email="reset@example.org")
        self.client.post(reverse("account_reset_password"), {"email": "reset@example.org"})
        # A leader invites someone; a member asks to join; someone contacts the network.
        network = NetworkFactory(join_policy=JoinPolicy.REQUEST)
        leader, asker, reader = make_member(), make_member(), make_member()
        add_member(network, leader, role=Membership.Role.LEADER)
        membership.invite(network, leader, "invitee@example.org")
        membership.join(network, asker)
        self.client.force_login(asker)
        self.client.post(
            reverse("community:network_contact", args=[network.slug]),
            {"subject": "Secret subject", "message": "Private words about my trust"},
        )
        # A reply, a digest and a round's invitation.
        reader.profile.notification_frequency = NotificationFrequency.DAILY
        reader.profile.save()
        thread = make_thread(SpaceFactory(), leader)
        subscribe(reader, thread)
        with self.captureOnCommitCallbacks(execute=True):
            reply = add_reply(asker, thread, "Reply body with personal detail")
        send_reply_notifications.call(reply.pk)
        an_hour_ago = timezone.now() - timedelta(hours=1)
        Post.objects.create(thread=thread, author=asker, body="Digest body", created_at=an_hour_ago)
        send_digests("daily")
        rounds.email_invitation(NetworkRoundFactory(network=network, opened_by=leader), leader)

        self.assertEqual(mail.outbox, [])
        self.assertGreaterEqual(DBTaskResult.objects.count(), 9)
        stored = self.stored_arguments()
        secrets = ["@", "http", "/accounts/", "/invitations/", "Secret subject", "Private words", "personal detail"]
        for secret in secrets:
            self.assertNotIn(secret, stored)

        run_queue()
        sent = {message.to[0]: message for message in mail.outbox}
        for address in ["priya@example.org", "reset@example.org", "invitee@example.org", leader.email, reader.email]:
            self.assertIn(address, sent)
        to_leader = "".join(message.body for message in mail.outbox if message.to == [leader.email])
        self.assertIn("asked to join", to_leader)
        self.assertIn("Private words about my trust", to_leader)
        # The contact message was kept only until its email went.
        self.assertFalse(ContactMessage.objects.exists())
        # The links built in the task work.
        confirm = LINK.search(sent["priya@example.org"].body).group(0).removeprefix("http://testserver")
        self.assertContains(self.client.get(confirm), "Confirm your email address")

    def test_an_email_about_something_gone_is_not_sent(self):
        network = NetworkFactory(join_policy=JoinPolicy.REQUEST)
        leader, asker = make_member(), make_member()
        add_member(network, leader, role=Membership.Role.LEADER)
        membership.join(network, asker)
        membership.leave(network, asker)
        run_queue()
        self.assertEqual(mail.outbox, [])

    def test_finished_task_records_are_pruned(self):
        make_member(email="reset@example.org")
        self.client.post(reverse("account_reset_password"), {"email": "reset@example.org"})
        run_queue()
        self.assertEqual(DBTaskResult.objects.finished().count(), 1)
        call_command("prune_db_task_results", "--min-age-days", "7", verbosity=0)
        self.assertEqual(DBTaskResult.objects.count(), 1)
        DBTaskResult.objects.update(finished_at=timezone.now() - timedelta(days=8))
        call_command("prune_db_task_results", "--min-age-days", "7", verbosity=0)
        self.assertFalse(DBTaskResult.objects.exists())
