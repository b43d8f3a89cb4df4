"""Every kind of email links to the site at SITE_URL, whatever address the request that
caused it came in on (the test client's is http://testserver)."""

import re
from datetime import timedelta

from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Workflow

from community.discussions.factories import SpaceFactory, make_thread
from community.discussions.models import Post
from community.discussions.notifications import send_digests
from community.discussions.posting import add_reply, subscribe
from community.members.factories import make_member
from community.members.models import NotificationFrequency
from community.networks import membership
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import JoinPolicy, Membership
from diagnostics import rounds
from diagnostics.factories import NetworkRoundFactory
from resources.factories import ResourcePageFactory
from source4networks.factories import UserFactory
from tests.site_address import ELSEWHERE, site_at

LINK = re.compile(r"https?://[^\s<>\"']+")


class EmailLinkTests(TestCase):
    def setUp(self):
        cache.clear()
        self.enterContext(site_at())
        mail.outbox.clear()

    def the_email(self, to):
        messages = [message for message in mail.outbox if message.to == [to]]
        self.assertEqual(len(messages), 1, [(m.to, m.subject) for m in mail.outbox])
        return messages[0]

    def assertLinksUseTheSiteAddress(self, message):
        links = LINK.findall(message.body)
        self.assertTrue(links, message.body)
        for link in links:
            self.assertTrue(link.startswith(f"{ELSEWHERE}/"), link)
        return links

    def test_sign_up_confirmation(self):
        self.client.post(
            reverse("account_signup"),
            {"display_name": "Priya N", "email": "priya@example.org", "password1": "sunrise-harbour-42", "terms": "on"},
        )
        [link] = self.assertLinksUseTheSiteAddress(self.the_email("priya@example.org"))
        self.assertIn("/accounts/confirm-email/", link)

    def test_password_reset(self):
        make_member(email="reset@example.org")
        self.client.post(reverse("account_reset_password"), {"email": "reset@example.org"})
        [link] = self.assertLinksUseTheSiteAddress(self.the_email("reset@example.org"))
        self.assertIn("/accounts/password/reset/key/", link)

    def test_reply_notification_and_its_unsubscribe_link(self):
        author, replier = make_member(email="author@example.org"), make_member()
        thread = make_thread(SpaceFactory(), author)
        subscribe(author, thread)
        with self.captureOnCommitCallbacks(execute=True):
            add_reply(replier, thread, "A reply")
        message = self.the_email("author@example.org")
        links = self.assertLinksUseTheSiteAddress(message)
        self.assertTrue(any("/community/unsubscribe/" in link for link in links))
        self.assertTrue(message.extra_headers["List-Unsubscribe"].startswith(f"<{ELSEWHERE}/community/unsubscribe/"))

    def test_digest(self):
        reader = make_member(email="reader@example.org")
        reader.profile.notification_frequency = NotificationFrequency.DAILY
        reader.profile.save()
        thread = make_thread(SpaceFactory(), make_member())
        subscribe(reader, thread)
        an_hour_ago = timezone.now() - timedelta(hours=1)
        Post.objects.create(thread=thread, author=thread.author, body="New", created_at=an_hour_ago)
        send_digests("daily")
        message = self.the_email("reader@example.org")
        links = self.assertLinksUseTheSiteAddress(message)
        self.assertEqual(sum("/community/unsubscribe/" in link for link in links), 2)
        self.assertTrue(message.extra_headers["List-Unsubscribe"].startswith(f"<{ELSEWHERE}/community/unsubscribe/"))

    def test_network_invitation(self):
        network, leader = NetworkFactory(), make_member()
        add_member(network, leader, role=Membership.Role.LEADER)
        membership.invite(network, leader, "invitee@example.org")
        [link] = self.assertLinksUseTheSiteAddress(self.the_email("invitee@example.org"))
        self.assertIn("/networks/invitations/", link)

    def test_join_request_and_decision(self):
        network, leader, person = NetworkFactory(join_policy=JoinPolicy.REQUEST), make_member(), make_member()
        add_member(network, leader, role=Membership.Role.LEADER)
        request = membership.join(network, person)
        self.assertLinksUseTheSiteAddress(self.the_email(leader.email))
        membership.approve(network, leader, request.pk)
        self.assertLinksUseTheSiteAddress(self.the_email(person.email))

    def test_round_invitation(self):
        network, leader = NetworkFactory(), make_member(email="lead@example.org")
        add_member(network, leader, role=Membership.Role.LEADER)
        round_ = NetworkRoundFactory(network=network, opened_by=leader)
        rounds.email_invitation(round_, leader)
        [link] = self.assertLinksUseTheSiteAddress(self.the_email("lead@example.org"))
        self.assertEqual(link, f"{ELSEWHERE}{round_.get_absolute_url()}")

    def test_wagtail_workflow_notification(self):
        moderator = UserFactory(email="moderator@example.org")
        moderator.groups.add(Group.objects.get(name="Moderators"))
        page = ResourcePageFactory()
        page.save_revision()
        Workflow.objects.get(name="Review and publish").start(page, UserFactory())
        links = self.assertLinksUseTheSiteAddress(self.the_email("moderator@example.org"))
        self.assertIn(f"{ELSEWHERE}/admin/pages/{page.pk}/edit/", links)
