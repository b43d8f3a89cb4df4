"""The permission matrix for my account: every my account page needs sign-in."""

from django.urls import reverse

from tests.community.permissions import ROLES, PermissionMatrixTestCase


class PermissionMatrixTests(PermissionMatrixTestCase):
    def test_my_account_pages_need_sign_in(self):
        expected = dict.fromkeys(ROLES, 200) | {"anonymous": 302}
        for name in (
            "community:account",
            "community:account_profile",
            "community:account_notifications",
            "community:account_networks",
            "community:account_saved",
            "community:account_download",
        ):
            self.check("get", reverse(name), expected)
