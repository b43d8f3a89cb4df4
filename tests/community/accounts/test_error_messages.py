"""Error messages read as plain sentences."""

from django.urls import reverse

from tests.community.base import CommunityTestCase

from .test_sign_up_and_sign_in import SIGNUP


class PasswordErrorTests(CommunityTestCase):
    def test_two_password_errors_have_one_full_stop_between_them(self):
        response = self.client.post(reverse("account_signup"), {**SIGNUP, "password1": "password"})
        content = response.content.decode()
        self.assertIn("This password is too short.", content)
        self.assertIn("This password is too common.", content)
        self.assertNotIn("characters..", content)
        self.assertRegex(content, r"characters\. This password is too common\.")
