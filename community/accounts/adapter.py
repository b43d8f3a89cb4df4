"""allauth adapter: emails go through the site's one templated email function (and so the
background email task), and usernames (which appear in profile addresses) come from the
display name, never from the email address."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import user_username
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site

from source4networks.emails import send_templated_email


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        # Rendered here, inside the request (links need its host); sent by the email task.
        request = allauth_context.request
        send_templated_email(
            template_prefix,
            email,
            {"request": request, "email": email, "current_site": get_current_site(request), **context},
            # allauth's subject prefix (ACCOUNT_EMAIL_SUBJECT_PREFIX).
            subject_prefix=self.format_email_subject(""),
        )

    def save_user(self, request, user, form, commit=True):
        user._s4n_display_name = form.cleaned_data.get("display_name", "")
        return super().save_user(request, user, form, commit=commit)

    def populate_username(self, request, user):
        if not user_username(user):
            display_name = getattr(user, "_s4n_display_name", "")
            user_username(user, self.generate_unique_username([display_name, "member"]))
