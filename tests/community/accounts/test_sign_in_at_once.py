"""One sign-in attempt per account at a time. django-axes decides whether an account is
locked before the password is checked and counts a failure afterwards, so guesses sent at
the same moment would all be checked before the first failure was counted. While one
attempt for an account is running, another is refused (and counted as a failure) without
its password being checked."""

from django.conf import settings
from django.urls import reverse

from community.members.factories import make_member
from source4networks import ratelimit
from tests.community.base import CommunityTestCase

PASSWORD = "correct horse battery staple"  # make_member's password


class SignInAtOnceTests(CommunityTestCase):
    def setUp(self):
        super().setUp()
        self.user = make_member(username="jordan", email="jordan@example.org")
        self.hold = f"sign-in:user:{self.user.pk}"

    def site_sign_in(self, password=PASSWORD):
        return self.client.post(reverse("account_login"), {"login": "jordan@example.org", "password": password})

    def test_an_attempt_while_another_is_running_is_refused(self):
        ratelimit.claim_cooldown(self.hold, 30)  # another request is checking a password now
        response = self.site_sign_in()
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("_auth_user_id", self.client.session)
        self.client.post("/admin/login/", {"username": "jordan", "password": PASSWORD})
        self.assertNotIn("_auth_user_id", self.client.session)
        ratelimit.end_cooldown(self.hold)
        self.assertEqual(self.site_sign_in().status_code, 302)
        self.assertEqual(int(self.client.session["_auth_user_id"]), self.user.pk)

    def test_refused_attempts_count_towards_the_lockout(self):
        ratelimit.claim_cooldown(self.hold, 30)
        for _ in range(settings.AXES_FAILURE_LIMIT):
            self.site_sign_in()
        ratelimit.end_cooldown(self.hold)
        self.assertEqual(self.site_sign_in().status_code, 429)

    def test_the_account_is_free_again_when_the_attempt_ends(self):
        self.site_sign_in("wrong-guess")
        self.assertEqual(ratelimit.cooldown_remaining(self.hold, 30), 0)
        self.assertEqual(self.site_sign_in().status_code, 302)
        self.assertEqual(ratelimit.cooldown_remaining(self.hold, 30), 0)
        # Right password but no sign-in (the address is not verified yet): free as well.
        make_member(verified=False, username="newcomer", email="newcomer@example.org")
        self.client.logout()
        self.client.post(reverse("account_login"), {"login": "newcomer@example.org", "password": PASSWORD})
        self.assertNotIn("_auth_user_id", self.client.session)
        newcomer = self.user.__class__.objects.get(username="newcomer")
        self.assertEqual(ratelimit.cooldown_remaining(f"sign-in:user:{newcomer.pk}", 30), 0)
