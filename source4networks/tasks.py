"""Background tasks. Emails are sent from a task so a slow mail server never slows a page:
the database queue in production (`manage.py db_worker`), immediately in tests."""

from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_email_task(subject, body, to, from_email=None, reply_to=None, html_body=None, headers=None):
    """Send one email. Arguments are plain strings and lists so the task can be queued."""
    message = EmailMultiAlternatives(
        subject=subject, body=body, from_email=from_email, to=to, reply_to=reply_to or None, headers=headers or None
    )
    if html_body:
        message.attach_alternative(html_body, "text/html")
    message.send()
    return len(to)
