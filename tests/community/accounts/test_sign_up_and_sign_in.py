"""Sign up, email verification, sign in and out, password reset, change email, header."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse

from community.members.factories import make_member
from tests.community.base import CommunityTestCase

SIGNUP = {
    "display_name": "Priya Natarajan",
    "email": "priya@example.org",
    "password1": "sunrise-over-the-harbour-42",
    "terms": "on",
}


class SignUpTests(CommunityTestCase):
    def test_sign_up_sends_a_verification_email_whose_link_confirms_the_address(self):
        response = self.client.post(reverse("account_signup"), SIGNUP)
        self.assertRedirects(response, reverse("account_email_verification_sent"), fetch_redirect_response=False)
        user = User.objects.get(email="priya@example.org")
        self.assertEqual(user.profile.display_name, "Priya Natarajan")
        self.assertIsNotNone(user.profile.terms_accepted_at)
        # The username (used in profile addresses) comes from the name, not the email address.
        self.assertNotIn("priya@", user.username)
        self.assertEqual(len(mail.outbox), 1)
        message = mail.outbox[0]
        self.assertEqual(message.to, ["priya@example.org"])
        self.assertIn("Confirm your email address", message.subject)
        confirm_path = self.link_in(message)
        page = self.client.get(confirm_path)
        self.assertContains(page, "Confirm your email address")
        self.client.post(confirm_path)
        self.assertTrue(EmailAddress.objects.get(user=user).verified)
        # Now the member can sign in with their email address.
        response = self.client.post(
            reverse("account_login"), {"login": "priya@example.org", "password": SIGNUP["password1"]}
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(int(self.client.session["_auth_user_id"]), user.pk)

    def test_emails_are_sent_through_the_background_task(self):
        from django_tasks.signals import task_enqueued

        enqueued = []

        def record(sender, task_result, **kwargs):
            enqueued.append(task_result)

        task_enqueued.connect(record)
        try:
            self.client.post(reverse("account_signup"), SIGNUP)
        finally:
            task_enqueued.disconnect(record)
        self.assertEqual([result.task.name for result in enqueued], ["send_email_task"])
        # The queue keeps the kind of email and an id, never the address or the link.
        address = EmailAddress.objects.get(email="priya@example.org")
        self.assertEqual(
            list(enqueued[0].args), ["account/email/email_confirmation_signup", {"email_address_id": address.pk}]
        )
        self.assertEqual(enqueued[0].kwargs, {})
        self.assertEqual(len(mail.outbox), 1)

    def test_unverified_member_cannot_sign_in_until_they_confirm(self):
        make_member(verified=False, email="late@example.org")
        response = self.client.post(
            reverse("account_login"), {"login": "late@example.org", "password": "correct horse battery staple"}
        )
        self.assertRedirects(response, reverse("account_email_verification_sent"), fetch_redirect_response=False)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_honeypot_filled_in_creates_no_account(self):
        response = self.client.post(reverse("account_signup"), {**SIGNUP, "website_address": "http://spam.example"})
        self.assertEqual(response.status_code, 302)
        self.assertFalse(User.objects.filter(email="priya@example.org").exists())
        self.assertEqual(mail.outbox, [])

    def test_missing_fields_show_nhs_errors_and_keep_what_was_typed(self):
        response = self.client.post(reverse("account_signup"), {"email": "priya@example.org"})
        self.assertEqual(response.status_code, 200)
        self.assertFormError_NHS(response, "id_display_name", "Enter your name")
        self.assertFormError_NHS(response, "id_password1", "Enter a password")
        self.assertFormError_NHS(response, "id_terms", "Agree to the terms of use to create an account")
        self.assertContains(response, 'value="priya@example.org"')
        self.assertFalse(User.objects.exists())

    def test_too_long_name_and_bad_email_are_refused(self):
        response = self.client.post(
            reverse("account_signup"), {**SIGNUP, "display_name": "x" * 101, "email": "not-an-email"}
        )
        self.assertFormError_NHS(response, "id_display_name", "Your name must be 100 characters or fewer")
        self.assertFormError_NHS(response, "id_email", "Enter an email address in the correct format")
        self.assertFalse(User.objects.exists())

    def test_weak_password_is_refused(self):
        response = self.client.post(reverse("account_signup"), {**SIGNUP, "password1": "password"})
        self.assertFormError_NHS(response, "id_password1", "too common")
        self.assertFalse(User.objects.exists())

    def test_duplicate_email_does_not_reveal_the_account_but_emails_its_owner(self):
        """Enumeration protection: the form looks the same as a new sign-up, no second
        account is made, and the owner is told by email."""
        make_member(email="priya@example.org")
        response = self.client.post(reverse("account_signup"), SIGNUP)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(User.objects.filter(email__iexact="priya@example.org").count(), 1)
        self.assertEqual(len(mail.outbox), 1)
        self.assertIn("already have an account", mail.outbox[0].body)


class SignInTests(CommunityTestCase):
    def test_wrong_password_shows_an_error_summary(self):
        make_member(email="sam@example.org")
        response = self.client.post(reverse("account_login"), {"login": "sam@example.org", "password": "nope"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<title>Error: ")
        self.assertContains(response, "There is a problem")
        self.assertContains(response, 'value="sam@example.org"')

    def test_empty_sign_in_form(self):
        response = self.client.post(reverse("account_login"), {})
        self.assertFormError_NHS(response, "id_login", "Enter your email address")
        self.assertFormError_NHS(response, "id_password", "Enter your password")

    def test_sign_out_is_a_post_form_in_the_header(self):
        user = make_member()
        self.client.force_login(user)
        page = self.client.get(reverse("community:network_directory"))
        self.assertContains(page, user.profile.display_name)
        self.assertContains(page, 'href="/account/"')
        self.assertContains(page, f'action="{reverse("account_logout")}" method="post"')
        self.client.post(reverse("account_logout"))
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_header_offers_sign_in_and_create_account_to_visitors(self):
        page = self.client.get(reverse("community:network_directory"))
        self.assertContains(page, "Sign in</a>")
        self.assertContains(page, "Create account</a>")
        self.assertNotContains(page, "My account")

    def test_password_reset_link_from_the_email_works(self):
        user = make_member(email="reset@example.org")
        response = self.client.post(reverse("account_reset_password"), {"email": "reset@example.org"})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(len(mail.outbox), 1)
        path = self.link_in(mail.outbox[0])
        page = self.client.get(path, follow=True)
        self.assertContains(page, "Choose a new password")
        form_path = page.redirect_chain[-1][0] if page.redirect_chain else path
        response = self.client.post(
            form_path, {"password1": "a-brand-new-secret-77", "password2": "a-brand-new-secret-77"}
        )
        self.assertEqual(response.status_code, 302)
        user.refresh_from_db()
        self.assertTrue(user.check_password("a-brand-new-secret-77"))

    def test_password_reset_for_an_unknown_address_says_the_same(self):
        response = self.client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
        self.assertEqual(response.status_code, 302)

    def test_change_email_sends_a_verification_link(self):
        user = make_member(email="old@example.org")
        self.client.force_login(user)
        response = self.client.post(reverse("account_email"), {"email": "new@example.org", "action_add": ""})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["new@example.org"])
        self.client.post(self.link_in(mail.outbox[0]))
        user.refresh_from_db()
        self.assertEqual(user.email, "new@example.org")

    def test_change_email_to_the_same_address_is_refused_beside_the_field(self):
        user = make_member(email="same@example.org")
        self.client.force_login(user)
        response = self.client.post(reverse("account_email"), {"email": "same@example.org", "action_add": ""})
        self.assertFormError_NHS(response, "id_email", "already")
        self.assertEqual(mail.outbox, [])
