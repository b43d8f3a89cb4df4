"""Every email the site sends goes through `send_templated_email`: it renders the subject and
body from templates and queues the result on the email task."""

from django.conf import settings
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string

from source4networks.tasks import send_email_task


def absolute_url(path):
    return f"{settings.SITE_URL}{path}"


def send_templated_email(template_prefix, to, context, reply_to=None, headers=None, subject_prefix=""):
    """Render `<prefix>_subject.txt`, `<prefix>_message.txt` and, if it exists,
    `<prefix>_message.html`, and queue the email.

    `to` is one address or a list; every address gets its own copy, so recipients never
    see each other's addresses. Context that differs between recipients (a name, an
    unsubscribe link) needs one call per recipient. `headers` are extra email headers, such as
    List-Unsubscribe."""
    recipients = [to] if isinstance(to, str) else list(to)
    context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
    subject = subject_prefix + " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    body = render_to_string(f"{template_prefix}_message.txt", context).strip() + "\n"
    try:
        html_body = render_to_string(f"{template_prefix}_message.html", context).strip()
    except TemplateDoesNotExist:
        html_body = None
    # The message is rendered now, where the request and the records are at hand; the task
    # only sends it.
    for address in recipients:
        send_email_task.enqueue(
            subject=subject,
            body=body,
            to=[address],
            from_email=settings.DEFAULT_FROM_EMAIL,
            reply_to=[reply_to] if reply_to else None,
            html_body=html_body,
            headers=headers or None,
        )
