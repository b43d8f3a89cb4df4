"""Download my data: everything the site holds about one member, as JSON-ready data.

The account's own part is built here; each app that holds more about a member (profile,
networks, discussions, diagnostics) registers a section from its AppConfig.ready(). Only the
member's own data: other people appear by network name at most, never by name or email."""

from allauth.account.models import EmailAddress
from django.utils import timezone

from source4networks.registry import Registry

# Functions (user, request) -> a dict of top-level entries for the download.
export_sections = Registry()


def iso(value):
    """A date or time as ISO 8601 text, or None."""
    return value.isoformat() if value else None


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
        },
    }
    for section in export_sections:
        data.update(section(user, request))
    return data
