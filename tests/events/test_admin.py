"""Editors cannot publish an event that ends before it starts: the Wagtail admin refuses it
with a message beside the end field, and nothing is published."""

from datetime import UTC, datetime

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from events.factories import EventPageFactory
from events.models import EventIndexPage, EventPage
from tests.site.library.helpers import soup

END_ERROR = "The end must be after the start"


class EventDatesInTheAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "a long password 123")
        cls.index = EventIndexPage.objects.get()
        cls.event = EventPageFactory(
            title="Existing event",
            start=datetime(2040, 5, 1, 9, 0, tzinfo=UTC),
            end=datetime(2040, 5, 1, 11, 0, tzinfo=UTC),
        )

    def setUp(self):
        self.client.force_login(self.editor)

    def form_data(self, url, **changes):
        """The admin form as the browser would send it, with some fields changed."""
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
        # The body's StreamField inputs are drawn by the admin's JavaScript; an empty body is "0 blocks".
        data.setdefault("body-count", "0")
        for name, value in changes.items():
            data[name] = value
        data["action-publish"] = "action-publish"
        return data

    def field_error(self, response, field_id):
        """The error text shown in a field's wrapper (next to the field), or ''."""
        field_input = soup(response).find(id=field_id)
        wrapper = field_input.find_parent(attrs={"data-field-wrapper": True})
        errors = wrapper.select(".error-message, .w-field__errors")
        return " ".join(error.get_text(" ", strip=True) for error in errors)

    def test_create_refuses_end_before_start(self):
        url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", self.index.pk))
        data = self.form_data(
            url,
            title="Backwards event",
            slug="backwards-event",
            summary="Ends before it starts.",
            start="2040-06-01 14:00",
            end="2040-06-01 13:00",
            attendance="online",
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertIn(END_ERROR, self.field_error(response, "id_end"))
        self.assertNotIn(END_ERROR, self.field_error(response, "id_start"))
        self.assertFalse(EventPage.objects.filter(title="Backwards event").exists())

    def test_create_refuses_end_equal_to_start(self):
        url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", self.index.pk))
        data = self.form_data(
            url,
            title="Zero length",
            slug="zero-length",
            summary="No time at all.",
            start="2040-06-01 14:00",
            end="2040-06-01 14:00",
            attendance="online",
        )
        response = self.client.post(url, data)
        self.assertIn(END_ERROR, self.field_error(response, "id_end"))
        self.assertFalse(EventPage.objects.filter(slug="zero-length").exists())

    def test_create_accepts_a_sensible_event(self):
        url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", self.index.pk))
        data = self.form_data(
            url,
            title="Sensible event",
            slug="sensible-event",
            summary="Starts, then ends.",
            start="2040-06-01 14:00",
            end="2040-06-01 15:30",
            attendance="online",
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)
        event = EventPage.objects.get(slug="sensible-event")
        self.assertTrue(event.live)
        # Entered as UK time: 14:00 on a June day is 13:00 UTC.
        self.assertEqual(event.start, datetime(2040, 6, 1, 13, 0, tzinfo=UTC))

    def test_edit_refuses_end_before_start_and_keeps_the_published_event(self):
        url = reverse("wagtailadmin_pages:edit", args=(self.event.pk,))
        data = self.form_data(url, start="2040-05-01 12:00", end="2040-05-01 10:00")
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertIn(END_ERROR, self.field_error(response, "id_end"))
        self.event.refresh_from_db()
        self.assertEqual(self.event.end, datetime(2040, 5, 1, 11, 0, tzinfo=UTC))
        public = self.client.get(self.event.url)
        self.assertContains(public, "10am to midday")
