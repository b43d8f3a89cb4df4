"""Every email the site sends goes through `send_templated_email`.

The task queue keeps each task's arguments in the database (django-tasks-db), so only the
kind of email and ids go into it: never an address, a link or the text of a message. The
email task looks the records up when it runs, builds each message, renders it from
`<prefix>_subject.txt` and `<prefix>_message.txt` and sends it. Each kind of email is an
`EmailKind` that the app owning it registers in `email_kinds` from its AppConfig.ready().
A kind builds nothing when what it was about has gone (a withdrawn request, a hidden post),
so no email goes out about it."""

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django_tasks import task

from source4networks.registry import Registry


@dataclass
class Email:
    """One message to one address, ready to render: recipients never see each other's
    addresses."""

    to: str
    context: dict
    reply_to: str | None = None
    headers: dict = field(default_factory=dict)
    subject_prefix: str = ""


@dataclass(frozen=True)
class EmailKind:
    """A kind of email: `build(**ids)` returns the Emails to send (none when there is
    nothing left to say); `after_sending(**ids)`, if given, runs once they have gone."""

    template_prefix: str
    build: Callable[..., list[Email]]
    after_sending: Callable[..., None] | None = None


email_kinds = Registry()


def email_kind(template_prefix):
    for kind in email_kinds:
        if kind.template_prefix == template_prefix:
            return kind
    raise LookupError(f"No kind of email is registered for {template_prefix!r}")


def send_templated_email(template_prefix, **ids):
    """Queue an email of the kind registered for `template_prefix`. `ids` are the ids (and
    plain values such as a date) its builder needs; they are all the queue keeps."""
    # An unknown kind fails here, in the request, rather than later in the worker.
    email_kind(template_prefix)
    send_email_task.enqueue(template_prefix, ids)


def send_now(template_prefix, email):
    """Render and send one email straight away (the email task calls this)."""
    context = {"site_name": settings.WAGTAIL_SITE_NAME, **email.context}
    subject = email.subject_prefix + " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    body = render_to_string(f"{template_prefix}_message.txt", context).strip() + "\n"
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to],
        reply_to=[email.reply_to] if email.reply_to else None,
        headers=email.headers or None,
    )
    # An HTML version only where the kind has one.
    with suppress(TemplateDoesNotExist):
        message.attach_alternative(render_to_string(f"{template_prefix}_message.html", context).strip(), "text/html")
    message.send()


@task()
def send_email_task(template_prefix, ids):
    """Build the emails of one kind from ids and send them. Returns how many were sent."""
    kind = email_kind(template_prefix)
    emails = kind.build(**ids)
    for email in emails:
        send_now(template_prefix, email)
    if kind.after_sending:
        kind.after_sending(**ids)
    return len(emails)
