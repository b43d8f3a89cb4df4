"""Download my data: everything the site holds about one member, as JSON-ready data.

The account's own part is built here; each app that holds more about a member (profile,
networks, discussions, diagnostics) registers a section from its AppConfig.ready(). Only the
member's own data: other people appear by network name at most, never by name or email."""

from allauth.account.models import EmailAddress
from axes.models import AccessLog
from django.db.models.functions import Lower
from django.utils import timezone

from source4networks.registry import Registry

from .deletion import account_emails

# Functions (user, request) -> a dict of top-level entries for the download.
export_sections = Registry()


def iso(value):
    """A date or time as ISO 8601 text, or None."""
    return value.isoformat() if value else None


def sign_ins(user):
    """The sign-in records kept for the account's names (kept by django-axes for security)."""
    names = account_emails(user) | {user.username.lower()}
    records = AccessLog.objects.annotate(name=Lower("username")).filter(name__in=names).order_by("attempt_time")
    return [
        {
            "signed_in_at": iso(record.attempt_time),
            "signed_out_at": iso(record.logout_time),
            "ip_address": record.ip_address,
            "browser": record.user_agent,
        }
        for record in records
    ]


def export_data(user, request=None):
    data = {
        "exported_at": iso(timezone.now()),
        "account": {
            "username": user.username,
            "email": user.email,
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=user).order_by("email")
            ],
            "date_joined": iso(user.date_joined),
            "last_login": iso(user.last_login),
            "sign_ins": sign_ins(user),
        },
    }
    for section in export_sections:
        data.update(section(user, request))
    return data
