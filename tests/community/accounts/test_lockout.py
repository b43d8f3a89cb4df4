"""django-axes locks out repeated failed sign-ins on the site and on the Wagtail admin."""

from datetime import timedelta
from unittest import mock

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from community.members.factories import make_member
from tests.community.base import CommunityTestCase


class SiteLockoutTests(CommunityTestCase):
    def setUp(self):
        super().setUp()
        self.user = make_member(email="target@example.org")

    def fail(self, times):
        responses = []
        for _ in range(times):
            responses.append(
                self.client.post(reverse("account_login"), {"login": "target@example.org", "password": "wrong-guess"})
            )
        return responses

    def test_five_failures_lock_the_account_with_a_clear_message(self):
        responses = self.fail(settings.AXES_FAILURE_LIMIT)
        self.assertEqual([r.status_code for r in responses[:-1]], [200] * (settings.AXES_FAILURE_LIMIT - 1))
        locked = responses[-1]
        self.assertEqual(locked.status_code, 429)
        self.assertContains(locked, "Too many attempts to sign in", status_code=429)
        self.assertContains(locked, "15 minutes", status_code=429)
        # Even the right password is refused while locked.
        response = self.client.post(
            reverse("account_login"), {"login": "target@example.org", "password": "correct horse battery staple"}
        )
        self.assertEqual(response.status_code, 429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_lock_is_per_username_and_case_insensitive(self):
        self.fail(settings.AXES_FAILURE_LIMIT)
        response = self.client.post(
            reverse("account_login"), {"login": "TARGET@example.org", "password": "correct horse battery staple"}
        )
        self.assertEqual(response.status_code, 429)
        other = make_member(email="other@example.org")
        response = self.client.post(
            reverse("account_login"), {"login": "other@example.org", "password": "correct horse battery staple"}
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(int(self.client.session["_auth_user_id"]), other.pk)

    def test_lock_ends_after_the_cool_off(self):
        self.fail(settings.AXES_FAILURE_LIMIT)
        cache.clear()  # allauth's own short window has passed too
        later = timezone.now() + settings.AXES_COOLOFF_TIME + timedelta(minutes=1)
        with mock.patch("axes.handlers.proxy.now", return_value=later):
            response = self.client.post(
                reverse("account_login"), {"login": "target@example.org", "password": "correct horse battery staple"}
            )
        self.assertEqual(response.status_code, 302)


class AdminLockoutTests(CommunityTestCase):
    def test_wagtail_admin_sign_in_is_locked_out_too(self):
        admin = make_member(username="chief", email="chief@example.org")
        admin.is_superuser = True
        admin.is_staff = True
        admin.save()
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            response = self.client.post("/admin/login/", {"username": "chief", "password": "bad"})
            self.assertEqual(response.status_code, 200)
        response = self.client.post("/admin/login/", {"username": "chief", "password": "bad"})
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "Too many attempts to sign in", status_code=429)
        response = self.client.post("/admin/login/", {"username": "chief", "password": "correct horse battery staple"})
        self.assertEqual(response.status_code, 429)

    def test_admin_sign_in_works_before_any_lockout(self):
        admin = make_member(username="chief", email="chief@example.org")
        admin.is_superuser = True
        admin.save()
        response = self.client.post("/admin/login/", {"username": "chief", "password": "correct horse battery staple"})
        self.assertEqual(response.status_code, 302)
