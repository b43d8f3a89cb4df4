"""Confirming the email address in the browser that signed up signs the member in; the same
link opened anywhere else confirms the address but signs no one in."""

from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.community.base import CommunityTestCase

from .test_sign_up_and_sign_in import SIGNUP


class ConfirmSignsInTests(CommunityTestCase):
    def test_confirming_in_the_same_browser_signs_the_member_in(self):
        self.client.post(reverse("account_signup"), SIGNUP)
        user = User.objects.get(email="priya@example.org")
        response = self.client.post(self.link_in(mail.outbox[0]))
        self.assertEqual(response.status_code, 302)
        self.assertNotEqual(response.url, reverse("account_login"))
        self.assertEqual(int(self.client.session["_auth_user_id"]), user.pk)

    def test_the_link_opened_in_another_browser_signs_no_one_in(self):
        self.client.post(reverse("account_signup"), SIGNUP)
        other = Client()
        response = other.post(self.link_in(mail.outbox[0]))
        self.assertRedirects(response, reverse("account_login"), fetch_redirect_response=False)
        self.assertNotIn("_auth_user_id", other.session)
