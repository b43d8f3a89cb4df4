"""allauth adapter: emails go through the background email task, and usernames (which
appear in profile addresses) come from the display name, never from the email address."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import user_username
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site

from source4networks.tasks import send_email_task


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        # Rendered here, inside the request (links need its host); sent by the task.
        request = allauth_context.request
        full_context = {"request": request, "email": email, "current_site": get_current_site(request)}
        full_context.update(context)
        message = self.render_mail(template_prefix, email, full_context)
        html_body = next(
            (content for content, mimetype in getattr(message, "alternatives", []) if mimetype == "text/html"), None
        )
        send_email_task.enqueue(
            subject=message.subject,
            body=message.body,
            to=list(message.to),
            from_email=message.from_email,
            html_body=html_body,
            headers=dict(message.extra_headers) or None,
        )

    def save_user(self, request, user, form, commit=True):
        user._s4n_display_name = form.cleaned_data.get("display_name", "")
        return super().save_user(request, user, form, commit=commit)

    def populate_username(self, request, user):
        if not user_username(user):
            display_name = getattr(user, "_s4n_display_name", "")
            user_username(user, self.generate_unique_username([display_name, "member"]))
