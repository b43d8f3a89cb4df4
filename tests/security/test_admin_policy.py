"""The Wagtail admin's policy without a browser (tests/browser/test_admin_csp.py loads the pages
in Chromium): avatars are the admin's own default picture, never an avatar service's, and the
policy allows images and frames from the site and the embeds the public site allows only."""

from django.conf import settings
from django.test import TestCase

from community.members.factories import make_member
from tests.browser.test_csp import parse_policy


class AdminPolicyTests(TestCase):
    def test_avatars_are_local_and_the_policy_names_no_other_sites_for_images(self):
        administrator = make_member(user_fields={"is_superuser": True, "is_staff": True})
        self.client.force_login(administrator)
        for url in ("/admin/", "/admin/account/", "/admin/users/"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                html = response.content.decode()
                self.assertNotRegex(html, r'src="(https?:)?//', "an image or script from another site")
                self.assertNotRegex(html, r'"avatarUrl": "(https?:)?//', "an avatar from another site")
                self.assertIn("/static/wagtailadmin/images/default-user-avatar", html)
                policy = parse_policy(response["Content-Security-Policy"])
                self.assertEqual(policy["img-src"], ["'self'", "data:", "blob:"])
                self.assertEqual(policy["frame-src"], settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"])
                self.assertNotIn("https:", policy["frame-src"])
                self.assertEqual(policy["object-src"], ["'none'"])
        # The dashboard does not ask another site for news of releases.
        self.assertNotIn("data-w-upgrade", self.client.get("/admin/").content.decode())
