"""A thread in a network-private space never reaches an outsider, wherever they look."""

from django.core import mail

from community.discussions.notifications import send_digests
from community.discussions.posting import add_reply, subscribe
from community.members.models import NotificationFrequency

from .base import DiscussionTestCase


class PrivateSpaceTests(DiscussionTestCase):
    SECRET = "zebra"

    def assertNoSecret(self, response):
        self.assertNotIn(self.SECRET, response.content.decode().lower())

    def test_pages_and_listings(self):
        self.client.force_login(self.member)
        self.assertEqual(self.client.get("/community/stroke-private/").status_code, 404)
        self.assertEqual(self.client.get(self.private_thread.get_absolute_url()).status_code, 404)
        self.assertNoSecret(self.client.get("/community/"))
        self.assertNotContains(self.client.get("/community/"), "Stroke private")
        # The insider does see it.
        self.client.force_login(self.network_member)
        self.assertContains(self.client.get("/community/"), "Secret zebra plans")

    def test_search(self):
        for user in [None, self.member, self.unverified, self.suspended]:
            self.client.logout()
            if user:
                self.client.force_login(user)
            # The query itself is shown back, so look for the thread's title and the count.
            for params in ({"q": "zebra"}, {"q": "zebra", "type": "discussions"}):
                response = self.client.get("/search/", params)
                self.assertNotContains(response, "Secret zebra plans")
                self.assertContains(response, "Discussions (0)")
        self.client.force_login(self.network_member)
        self.assertContains(self.client.get("/search/", {"q": "zebra"}), "Secret zebra plans")

    def test_search_finds_threads_people_may_read(self):
        self.client.logout()
        self.assertContains(self.client.get("/search/", {"q": "pathways"}), "Open thread about pathways")
        self.assertNotContains(self.client.get("/search/", {"q": "rotas"}), "Members thread about rotas")
        self.client.force_login(self.member)
        self.assertContains(self.client.get("/search/", {"q": "rotas"}), "Members thread about rotas")

    def test_profile_activity(self):
        self.client.force_login(self.member)
        response = self.client.get("/community/members/author/")
        self.assertContains(response, "Open thread about pathways")
        self.assertNoSecret(response)
        self.client.force_login(self.network_member)
        self.assertContains(self.client.get("/community/members/author/"), "Secret zebra plans")

    def test_notifications_and_digests(self):
        # The outsider once followed the thread (say, before leaving the network).
        subscribe(self.member, self.private_thread)
        subscribe(self.network_member, self.private_thread)
        with self.captureOnCommitCallbacks(execute=True):
            add_reply(self.author, self.private_thread, "More zebra news")
        recipients = [message.to[0] for message in mail.outbox]
        self.assertEqual(recipients, [self.network_member.email])
        mail.outbox.clear()
        for user in (self.member, self.network_member):
            user.profile.notification_frequency = NotificationFrequency.DAILY
            user.profile.save()
        send_digests("daily")
        self.assertEqual([message.to[0] for message in mail.outbox], [self.network_member.email])
        self.assertIn("zebra", mail.outbox[0].body)

    def test_data_export_of_others(self):
        self.client.force_login(self.member)
        response = self.client.post("/account/download/")
        self.assertNoSecret(response)

    def test_switched_off_space_disappears_for_members_too(self):
        self.private_space.active = False
        self.private_space.save()
        self.client.force_login(self.network_member)
        self.assertEqual(self.client.get(self.private_thread.get_absolute_url()).status_code, 404)
        self.assertNoSecret(self.client.get("/community/"))


class HomePageTests(DiscussionTestCase):
    def test_home_page_lists_only_readable_latest_threads(self):
        response = self.client.get("/")
        self.assertContains(response, "Open thread about pathways")
        self.assertNotContains(response, "Members thread about rotas")
        self.assertNotContains(response, "Secret zebra plans")
        self.client.force_login(self.network_member)
        self.assertContains(self.client.get("/"), "Secret zebra plans")
