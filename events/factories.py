from datetime import timedelta

import factory
from django.utils import timezone

from source4networks.factories import PageFactory

from .models import EventIndexPage, EventPage


class EventPageFactory(PageFactory):
    """A published event starting in a week unless `start=` says otherwise."""

    title = factory.Sequence(lambda n: f"Event {n}")
    summary = factory.LazyAttribute(lambda page: f"What {page.title} is about.")
    start = factory.LazyFunction(lambda: timezone.now().replace(microsecond=0, second=0) + timedelta(days=7))
    end = factory.LazyAttribute(lambda page: page.start + timedelta(hours=2))
    attendance = EventPage.Attendance.ONLINE
    booking_url = "https://example.org/book"

    class Meta:
        model = EventPage

    @classmethod
    def default_parent(cls):
        return EventIndexPage.objects.get()

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if extracted:
            self.topics.add(*extracted)
            self.save()
