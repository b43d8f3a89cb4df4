"""The daily clean-up of sign-ups never confirmed: what goes and what stays."""

from datetime import timedelta
from io import StringIO

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from community.members.factories import make_member
from community.members.models import Profile
from source4networks.factories import UserFactory
from tests.community.base import CommunityTestCase


def signed_up(days_ago, verified=False, **user_fields):
    return make_member(
        verified=verified, user_fields={"date_joined": timezone.now() - timedelta(days=days_ago), **user_fields}
    )


class DeleteUnverifiedAccountsTests(CommunityTestCase):
    def run_command(self):
        out = StringIO()
        call_command("delete_unverified_accounts", stdout=out)
        return out.getvalue().strip()

    def test_an_unconfirmed_sign_up_older_than_7_days_is_deleted(self):
        stale = signed_up(8, email="never.confirmed@example.org")
        self.assertEqual(self.run_command(), "Deleted 1 unverified account.")
        self.assertFalse(User.objects.filter(pk=stale.pk).exists())
        self.assertFalse(Profile.objects.filter(user_id=stale.pk).exists())
        self.assertFalse(EmailAddress.objects.filter(email="never.confirmed@example.org").exists())

    def test_the_address_can_sign_up_again_afterwards(self):
        signed_up(8, email="second.try@example.org")
        self.run_command()
        signup = {
            "display_name": "Second Try",
            "email": "second.try@example.org",
            "password1": "sunrise-over-the-harbour-42",
            "terms": "on",
        }
        response = self.client.post(reverse("account_signup"), signup)
        self.assertRedirects(response, reverse("account_email_verification_sent"), fetch_redirect_response=False)
        self.assertEqual(User.objects.get(email="second.try@example.org").profile.display_name, "Second Try")

    def test_accounts_that_must_stay_are_kept(self):
        kept = {
            "recent sign-up": signed_up(6),
            "confirmed member": signed_up(30, verified=True),
            "staff": signed_up(30, is_staff=True),
            "superuser": signed_up(30, is_superuser=True),
            "has signed in": signed_up(30, last_login=timezone.now() - timedelta(days=20)),
        }
        editor = signed_up(30)
        editor.groups.add(Group.objects.get(name="Editors"))
        kept["editor"] = editor
        # Made in the admin or by a command: no address recorded by sign-up at all.
        kept["no sign-up address"] = UserFactory(date_joined=timezone.now() - timedelta(days=30))
        # One confirmed address is enough, even with an unconfirmed one beside it.
        two_addresses = signed_up(30, verified=True)
        EmailAddress.objects.create(user=two_addresses, email="new.address@example.org", verified=False)
        kept["confirmed one of two"] = two_addresses
        doomed = signed_up(8)

        self.assertEqual(self.run_command(), "Deleted 1 unverified account.")
        self.assertFalse(User.objects.filter(pk=doomed.pk).exists())
        for reason, user in kept.items():
            with self.subTest(reason):
                user.refresh_from_db()
                self.assertTrue(user.is_active)
                self.assertNotEqual(user.email, "")

    def test_nothing_to_delete(self):
        signed_up(1)
        self.assertEqual(self.run_command(), "Deleted 0 unverified accounts.")
        self.assertEqual(User.objects.count(), 1)
