"""The sign-in lockout counts failures against the account, whichever name and form is
used: the site's form takes the email address, the Wagtail admin's the username."""

from django.conf import settings
from django.urls import reverse

from community.members.factories import make_member
from tests.community.base import CommunityTestCase

PASSWORD = "correct horse battery staple"  # make_member's password


class LockoutIdentityTests(CommunityTestCase):
    def setUp(self):
        super().setUp()
        self.user = make_member(username="jordan", email="Jordan.Lee@example.org")

    def site_sign_in(self, login, password):
        return self.client.post(reverse("account_login"), {"login": login, "password": password})

    def admin_sign_in(self, username, password):
        return self.client.post("/admin/login/", {"username": username, "password": password})

    def assertLockedOut(self, response):
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "Too many attempts to sign in", status_code=429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_failures_by_email_lock_the_admin_sign_in_by_username(self):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            self.site_sign_in("jordan.lee@example.org", "wrong-guess")
        self.assertLockedOut(self.admin_sign_in("jordan", PASSWORD))

    def test_failures_by_username_lock_the_site_sign_in_by_email(self):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            self.admin_sign_in("jordan", "wrong-guess")
        self.assertLockedOut(self.site_sign_in("jordan.lee@example.org", PASSWORD))

    def test_failures_by_either_name_add_up(self):
        for _ in range(settings.AXES_FAILURE_LIMIT - 2):
            self.site_sign_in("Jordan.Lee@example.org", "wrong-guess")
        self.admin_sign_in("jordan", "wrong-guess")
        self.assertLockedOut(self.admin_sign_in("jordan", "wrong-guess"))
        self.assertLockedOut(self.site_sign_in("jordan.lee@example.org", PASSWORD))

    def test_an_address_the_site_does_not_know_is_locked_the_same_way(self):
        # The same answer for an unknown address, so a lockout says nothing about who has an account.
        for _ in range(settings.AXES_FAILURE_LIMIT):
            response = self.site_sign_in("nobody@example.org", "wrong-guess")
        self.assertLockedOut(response)

    def test_another_account_is_not_locked(self):
        make_member(username="sam", email="sam@example.org")
        for _ in range(settings.AXES_FAILURE_LIMIT):
            self.site_sign_in("jordan.lee@example.org", "wrong-guess")
        response = self.admin_sign_in("sam", PASSWORD)
        self.assertNotEqual(response.status_code, 429)
        response = self.site_sign_in("sam@example.org", PASSWORD)
        self.assertEqual(response.status_code, 302)
