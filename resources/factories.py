from datetime import timedelta

import factory
from django.utils import timezone

from source4networks.factories import PageFactory
from source4networks.taxonomy import ResourceType

from .models import EventIndexPage, EventPage, ResourceIndexPage, ResourcePage


class ResourcePageFactory(PageFactory):
    """A published resource. `topics=["a", "b"]` tags it; `sectors=[Sector…]` sets sectors."""

    title = factory.Sequence(lambda n: f"Resource {n}")
    summary = factory.LazyAttribute(lambda page: f"A short summary of {page.title}.")
    resource_type = ResourceType.GUIDE
    source_organisation = "NHS England"

    class Meta:
        model = ResourcePage

    @classmethod
    def default_parent(cls):
        return ResourceIndexPage.objects.get()

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if extracted:
            self.topics.add(*extracted)
            self.save()


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
