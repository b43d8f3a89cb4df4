"""Redis down (issue 10 point 4): the shared cache is a real django-redis pointed at a port
where nothing listens, so every cache call meets a refused connection, as in an outage.
Pages still serve, sign-in still works, and each rate limit fails in the direction
docs/faults.md gives it: members can still post and ask to join, while what sends email
(contact messages, invitations, sign-up, password reset) and new accounts' posting are
refused until Redis returns."""

import socket

from django.contrib.auth.models import User
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from community.accounts.forms import OUTAGE_MESSAGE
from community.discussions import posting
from community.discussions.models import Post
from community.members.factories import make_member
from community.networks import membership
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Invitation, JoinPolicy, Membership
from resources.factories import ResourcePageFactory
from source4networks import ratelimit
from tests.community.discussions.base import DiscussionTestCase


def closed_port():
    """A loopback port nothing listens on: connections to it are refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


DEAD_REDIS = f"redis://127.0.0.1:{closed_port()}/0"
OPTIONS = {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5}
REDIS_DOWN = {
    "default": {
        "BACKEND": "source4networks.cache.OutageTolerantRedisCache",
        "LOCATION": DEAD_REDIS,
        "OPTIONS": {**OPTIONS, "IGNORE_EXCEPTIONS": True},
    },
    "limits": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": DEAD_REDIS, "OPTIONS": OPTIONS},
}
PASSWORD = "correct horse battery staple"  # the factories' password
SIGNUP = {
    "display_name": "Priya Natarajan",
    "email": "priya@example.org",
    "password1": "sunrise-42-harbour",
    "terms": "on",
}


@override_settings(CACHES=REDIS_DOWN, SESSION_ENGINE="django.contrib.sessions.backends.cached_db")
class RedisDownTests(DiscussionTestCase):
    def setUp(self):
        super().setUp()
        self.assertFalse(ratelimit.available(), "the test's Redis must be unreachable")

    def test_pages_serve(self):
        resource = ResourcePageFactory(title="Stroke pathway toolkit")
        for url in (resource.url, "/search/?q=stroke", reverse("community:network_directory"), "/community/"):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_sign_in_works_and_the_session_lasts(self):
        with self.assertLogs("source4networks.ratelimit", level="WARNING"):  # the sign-in hold, failing open
            response = self.client.post(reverse("account_login"), {"login": self.member.email, "password": PASSWORD})
        self.assertRedirects(response, reverse("community:account"), fetch_redirect_response=False)
        # The session is read back from the database on the next request.
        page = self.client.get(reverse("community:account"))
        self.assertEqual(page.status_code, 200)
        self.assertEqual(page.context["user"], self.member)

    def test_a_wrong_password_is_still_refused(self):
        response = self.client.post(reverse("account_login"), {"login": self.member.email, "password": "wrong"})
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_members_can_still_post_every_time(self):
        self.client.force_login(self.member)
        url = self.open_thread.get_absolute_url() + "reply/"
        # The ten-second wait and the hourly limit cannot count: they let posts through.
        for number in range(3):
            response = self.client.post(url, {"body": f"Reply {number} during the outage", "post": "1"})
            self.assertEqual(response.status_code, 302)
        self.assertEqual(Post.objects.filter(body__contains="during the outage").count(), 3)
        self.open_thread.refresh_from_db()
        self.assertEqual(self.open_thread.reply_count, 1 + 3)

    def test_new_accounts_cannot_post(self):
        newcomer = make_member(username="newcomer")
        self.client.force_login(newcomer)
        response = self.client.post(
            self.open_thread.get_absolute_url() + "reply/", {"body": "A newcomer's reply", "post": "1"}
        )
        self.assertContains(response, posting.OUTAGE_MESSAGE)
        self.assertFalse(Post.objects.filter(body="A newcomer's reply").exists())

    def test_members_can_still_ask_to_join(self):
        network = NetworkFactory(name="Harbour network", slug="harbour", join_policy=JoinPolicy.REQUEST)
        add_member(network, make_member(), role=Membership.Role.LEADER)
        self.client.force_login(self.member)
        self.client.post(reverse("community:network_join", args=["harbour"]))
        self.assertEqual(Membership.objects.get(network=network, user=self.member).status, Membership.Status.PENDING)
        # Open networks need no limit at all.
        open_network = NetworkFactory(slug="open-door")
        self.client.post(reverse("community:network_join", args=["open-door"]))
        self.assertTrue(Membership.objects.filter(network=open_network, user=self.member, status="active").exists())

    def test_contact_messages_are_refused(self):
        self.client.force_login(self.member)
        mail.outbox.clear()
        response = self.client.post(
            reverse("community:network_contact", args=[self.network.slug]),
            {"subject": "Joining", "message": "Can we talk?"},
        )
        self.assertContains(response, "Messages cannot be sent just now", status_code=503)
        self.assertEqual(mail.outbox, [])

    def test_invitations_are_refused(self):
        with self.assertRaisesMessage(membership.LimitReached, membership.UNAVAILABLE_MESSAGE):
            membership.invite(self.network, self.author, "guest@example.org")
        self.assertFalse(Invitation.objects.filter(email="guest@example.org").exists())

    def test_sign_up_is_refused(self):
        mail.outbox.clear()
        response = self.client.post(reverse("account_signup"), SIGNUP)
        self.assertContains(response, OUTAGE_MESSAGE)
        self.assertFalse(User.objects.filter(email=SIGNUP["email"]).exists())
        self.assertEqual(mail.outbox, [])

    def test_password_reset_and_adding_an_address_are_refused(self):
        mail.outbox.clear()
        response = self.client.post(reverse("account_reset_password"), {"email": self.member.email})
        self.assertContains(response, OUTAGE_MESSAGE)
        self.client.force_login(self.member)
        response = self.client.post(reverse("account_email"), {"action_add": "", "email": "second@example.org"})
        self.assertContains(response, OUTAGE_MESSAGE)
        self.assertEqual(mail.outbox, [])


class OutageDirectionTests(DiscussionTestCase):
    """The limiter itself, with Redis down: the direction is the caller's, stated each time."""

    @override_settings(CACHES=REDIS_DOWN)
    def test_each_call_reports_the_outage_and_applies_its_direction(self):
        with self.assertLogs("source4networks.ratelimit", level="WARNING"):
            allowed = ratelimit.hit("k", 1, 60, on_outage=ratelimit.ALLOW)
            refused = ratelimit.hit("k", 1, 60)  # REFUSE unless told otherwise
            self.assertEqual(ratelimit.claim_cooldown("c", 10, on_outage=ratelimit.ALLOW), 0)
            self.assertEqual(ratelimit.claim_cooldown("c", 10), 10)
        self.assertEqual((allowed.allowed, allowed.unavailable), (True, True))
        self.assertEqual((refused.allowed, refused.unavailable), (False, True))
        # Looking and undoing never fail.
        self.assertTrue(ratelimit.peek("k", 1, 60).allowed)
        self.assertEqual(ratelimit.cooldown_remaining("c", 10), 0)
        ratelimit.give_back(allowed)
        ratelimit.end_cooldown("c")

    def test_with_the_cache_up_nothing_is_marked_unavailable(self):
        self.assertTrue(ratelimit.available())
        result = ratelimit.hit("k", 1, 60)
        self.assertEqual((result.allowed, result.unavailable), (True, False))
        self.assertFalse(ratelimit.hit("k", 1, 60).allowed)
