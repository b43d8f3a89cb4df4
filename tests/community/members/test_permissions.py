"""The permission matrix for members: the member directory and profiles are for signed-in members."""

from django.urls import reverse

from tests.community.permissions import ROLES, PermissionMatrixTestCase


class PermissionMatrixTests(PermissionMatrixTestCase):
    def test_member_directory_and_profiles_are_for_signed_in_members(self):
        expected = dict.fromkeys(ROLES, 200) | {"anonymous": 302}
        self.check("get", reverse("community:member_directory"), expected)
        self.check("get", reverse("community:member_profile", args=["member"]), expected)
