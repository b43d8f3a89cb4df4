"""The instrument editor's version history writes dates as the rest of the site does, in UK time."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.test import TestCase

from community.members.factories import make_member
from diagnostics.models import Instrument, InstrumentVersion

WHEN = datetime(2026, 6, 3, 0, 30, tzinfo=ZoneInfo("Europe/London"))


class InstrumentEditorDateTests(TestCase):
    def test_version_dates_in_the_site_format(self):
        instrument = Instrument.objects.order_by("pk").first()
        InstrumentVersion.objects.filter(pk=instrument.current_version_id).update(created_at=WHEN, published_at=WHEN)
        admin = make_member(username="date-admin", user_fields={"is_superuser": True, "is_staff": True})
        self.client.force_login(admin)
        response = self.client.get(f"/admin/diagnostics/instruments/edit/{instrument.pk}/")
        self.assertContains(response, "3 June 2026, 00:30", count=2)
        self.assertNotContains(response, "3 Jun 2026")
