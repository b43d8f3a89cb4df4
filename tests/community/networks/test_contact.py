"""Contact this network: leaders get the message without their addresses being shown, and
each sender may send 5 an hour."""

from unittest import mock

from django.core import mail
from django.urls import reverse

from community.members.factories import make_member
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Membership
from tests.community.base import CommunityTestCase

MESSAGE = {"subject": "Sharing our discharge toolkit", "message": "We would love to compare notes on discharge."}


class ContactNetworkTests(CommunityTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.network = NetworkFactory(name="Fenland Falls Network", slug="fenland-falls")
        cls.leaders = [make_member(email="lead-one@example.org"), make_member(email="lead-two@example.org")]
        for leader in cls.leaders:
            add_member(cls.network, leader, role=Membership.Role.LEADER)
        cls.sender = make_member(email="asker@example.org")

    def test_each_leader_gets_a_copy_with_the_senders_name_and_reply_to(self):
        self.client.force_login(self.sender)
        url = reverse("community:network_contact", args=["fenland-falls"])
        page = self.client.get(url)
        self.assertNotContains(page, "lead-one@example.org")
        response = self.client.post(url, MESSAGE)
        self.assertRedirects(response, self.network.get_absolute_url(), fetch_redirect_response=False)
        self.assertEqual(sorted(m.to[0] for m in mail.outbox), ["lead-one@example.org", "lead-two@example.org"])
        for message in mail.outbox:
            self.assertEqual(len(message.to), 1)
            self.assertEqual(message.cc, [])
            self.assertEqual(message.bcc, [])
            self.assertEqual(message.reply_to, ["asker@example.org"])
            self.assertIn(self.sender.profile.display_name, message.body)
            self.assertIn("compare notes on discharge", message.body)
            self.assertIn("Sharing our discharge toolkit", message.subject)
        # The sender's confirmation page does not reveal the leaders' addresses either.
        page = self.client.get(self.network.get_absolute_url())
        self.assertNotContains(page, "lead-one@example.org")

    def test_sixth_message_in_an_hour_is_refused_and_the_text_kept(self):
        self.client.force_login(self.sender)
        url = reverse("community:network_contact", args=["fenland-falls"])
        start = 1_800_000_000.0  # a fixed clock, at the start of an hour
        with mock.patch("source4networks.ratelimit.time.time", return_value=start + 10):
            for _ in range(5):
                self.assertEqual(self.client.post(url, MESSAGE).status_code, 302)
            sent = len(mail.outbox)
            response = self.client.post(url, {**MESSAGE, "message": "One more thing I forgot"})
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "You can send up to 5 messages to networks an hour", status_code=429)
        self.assertContains(response, "One more thing I forgot", status_code=429)
        self.assertContains(response, "<title>Error: ", status_code=429)
        self.assertContains(response, "There is a problem", status_code=429)
        self.assertEqual(len(mail.outbox), sent)
        # An hour later the sender may write again.
        with mock.patch("source4networks.ratelimit.time.time", return_value=start + 3600 + 10):
            self.assertEqual(self.client.post(url, MESSAGE).status_code, 302)

    def test_missing_and_too_long_fields(self):
        self.client.force_login(self.sender)
        url = reverse("community:network_contact", args=["fenland-falls"])
        response = self.client.post(url, {"subject": "", "message": ""})
        self.assertFormError_NHS(response, "id_subject", "Enter a subject")
        self.assertFormError_NHS(response, "id_message", "Enter your message")
        response = self.client.post(url, {"subject": "s" * 151, "message": "m" * 3001})
        self.assertFormError_NHS(response, "id_subject", "Subject must be 150 characters or fewer")
        self.assertFormError_NHS(response, "id_message", "Your message must be 3000 characters or fewer")
        self.assertEqual(mail.outbox, [])
