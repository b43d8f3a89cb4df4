"""Dates written the one way the site writes them, in UK time: "3 June 2026" and
"3 June 2026, 14:07". Templates use the `site_date` and `site_datetime` filters (site_tags);
admin columns and inspect views call these functions."""

from datetime import datetime

from django.utils import timezone
from django.utils.dateformat import format as date_format

DATE = "j F Y"
DATETIME = "j F Y, H:i"


def site_date(value):
    """'3 June 2026'; an empty string for no date."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return date_format(value, DATE)


def site_datetime(value):
    """'3 June 2026, 14:07' in UK time; an empty string for no date."""
    if not value:
        return ""
    return date_format(timezone.localtime(value) if timezone.is_aware(value) else value, DATETIME)
