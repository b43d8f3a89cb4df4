"""Rendering the site's own emails (invitations, decisions, contact messages) and queuing
them on the email task."""

from django.conf import settings
from django.template.loader import render_to_string

from source4networks.tasks import send_email_task


def absolute_url(path):
    return f"{settings.SITE_URL}{path}"


def send_templated_email(template_prefix, to, context, reply_to=None):
    """Render `<prefix>_subject.txt` and `<prefix>_message.txt` and queue the email.

    `to` is one address or a list; every address gets its own copy, so recipients never
    see each other's addresses."""
    recipients = [to] if isinstance(to, str) else list(to)
    context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    body = render_to_string(f"{template_prefix}_message.txt", context).strip() + "\n"
    for address in recipients:
        send_email_task.enqueue(
            subject=subject,
            body=body,
            to=[address],
            from_email=settings.DEFAULT_FROM_EMAIL,
            reply_to=[reply_to] if reply_to else None,
        )
