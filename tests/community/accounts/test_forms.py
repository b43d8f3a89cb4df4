"""Bad input on the delete my account form: a clear message beside the field, the NHS error
summary, an "Error: " title, nothing saved, never a 500."""

from django.urls import reverse

from community.members.factories import make_member
from tests.community.base import CommunityTestCase


class DeleteAccountFormTests(CommunityTestCase):
    def test_missing_and_wrong_password(self):
        user = make_member()
        self.client.force_login(user)
        url = reverse("community:account_delete")
        self.assertFormError_NHS(self.client.post(url, {"password": ""}), "id_password", "Enter your password")
        self.assertFormError_NHS(self.client.post(url, {"password": "nope"}), "id_password", "not correct")
        user.refresh_from_db()
        self.assertTrue(user.is_active)
