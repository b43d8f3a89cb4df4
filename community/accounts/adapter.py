"""allauth adapter: emails go through the site's one templated email function (and so the
background email task, with ids only: community/accounts/emails.py), links in them start
with SITE_URL, and usernames (which appear in profile addresses) come from the display name,
never from the email address."""

from urllib.parse import quote

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import user_username
from allauth.core import context as allauth_context
from django.urls import reverse

from source4networks.emails import Email, send_now, send_templated_email
from source4networks.site_address import absolute_url

from .emails import ACCOUNT_ALREADY_EXISTS, CONFIRMATION, CONFIRMATION_SIGNUP, PASSWORD_RESET, recipient_ids


class AccountAdapter(DefaultAccountAdapter):
    def get_email_confirmation_url(self, request, emailconfirmation):
        return absolute_url(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def get_reset_password_from_key_url(self, key):
        # As allauth builds it: the uid and the token travel as one opaque key.
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return absolute_url(path.replace("UID-KEY", quote(key)))

    def send_confirmation_mail(self, request, emailconfirmation, signup):
        template = CONFIRMATION_SIGNUP if signup else CONFIRMATION
        send_templated_email(template, email_address_id=emailconfirmation.email_address.pk)

    def send_password_reset_mail(self, user, email, context):
        ids = recipient_ids(email, user) or {"user_id": user.pk}
        send_templated_email(PASSWORD_RESET, **ids)

    def send_account_already_exists_mail(self, email):
        ids = recipient_ids(email)
        if ids:
            send_templated_email(ACCOUNT_ALREADY_EXISTS, **ids)

    def send_mail(self, template_prefix, email, context):
        # Any other allauth email (none is switched on today: security notifications, sign-in
        # codes) carries context that cannot be rebuilt from ids, so it is sent now rather
        # than queued with its content.
        request = allauth_context.request
        send_now(
            template_prefix,
            Email(email, {"request": request, "email": email, **context}, subject_prefix=self.format_email_subject("")),
        )

    def save_user(self, request, user, form, commit=True):
        user._s4n_display_name = form.cleaned_data.get("display_name", "")
        return super().save_user(request, user, form, commit=commit)

    def populate_username(self, request, user):
        if not user_username(user):
            display_name = getattr(user, "_s4n_display_name", "")
            user_username(user, self.generate_unique_username([display_name, "member"]))
