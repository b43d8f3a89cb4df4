"""Events and webinars, each a page under /events/, with an .ics file to add to a calendar."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from source4networks.blocks import BodyBlock
from source4networks.library.listing import section_url
from source4networks.library.pages import LibraryIndexPage
from source4networks.models import SummaryMixin
from source4networks.search import search_join_index

from .calendar import format_date_short, format_event_when
from .feeds import EventFeed
from .listing import event_listing


class EventIndexPage(LibraryIndexPage):
    """Events and webinars at /events/: upcoming events first, with an archive of past ones."""

    subpage_types = ["events.EventPage"]
    feed_class = EventFeed
    feed_description = "Upcoming events and webinars from Source4Networks."

    def listing_context(self, request):
        return event_listing(self, request, EventPage.objects.live().public())

    def feed_items(self):
        """Upcoming events, soonest first: what a subscriber can still go to."""
        return (
            EventPage.objects.live()
            .public()
            .filter(end__gte=timezone.now())
            .prefetch_related("tagged_topics__tag")
            .order_by("start", "pk")
        )


class EventPageTopic(TaggedItemBase):
    content_object = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="tagged_topics")


class EventPage(SummaryMixin, Page):
    """An event or webinar. Times are UK time (Europe/London). Online events need a joining
    or booking link; in-person events need an address."""

    class Attendance(models.TextChoices):
        ONLINE = "online", "Online"
        IN_PERSON = "in-person", "In person"
        HYBRID = "hybrid", "In person and online"

    start = models.DateTimeField(null=True)
    end = models.DateTimeField(null=True)
    attendance = models.CharField(max_length=20, choices=Attendance.choices, default=Attendance.ONLINE)
    address = models.TextField(blank=True, help_text="Where the event takes place, for in-person events.")
    booking_url = models.URLField("booking link", blank=True)
    body = StreamField(BodyBlock(), blank=True)
    topics = ClusterTaggableManager(through=EventPageTopic, blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("address"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("start"),
        index.FilterField("end"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("attendance"), FieldPanel("address")],
            heading="When and where",
        ),
        FieldPanel("booking_url"),
        FieldPanel("body"),
        FieldPanel("topics"),
    ]

    class Meta:
        indexes = [search_join_index("page_ptr", "events_search_join")]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    # Members can save it to read later (My account, Saved items).
    saveable = True

    @classmethod
    def home_page_context(cls, request):
        """The next few events, for the home page."""
        upcoming = cls.objects.live().public().filter(end__gte=timezone.now()).order_by("start")[:3]
        return {"upcoming_events": upcoming}

    @property
    def is_past(self):
        return self.end is not None and self.end < timezone.now()

    @property
    def when(self):
        """The date and time range in UK time, in words."""
        return format_event_when(self.start, self.end)

    @property
    def card_label(self):
        """Above its title in listings: "Event, 3 March 2027" (the date in UK time)."""
        return f"Event, {format_date_short(self.start)}" if self.start else "Event"

    def clean(self):
        super().clean()
        errors = {}
        if self.start is None:
            errors["start"] = "Enter when the event starts"
        if self.end is None:
            errors["end"] = "Enter when the event ends"
        elif self.start is not None and self.end <= self.start:
            errors["end"] = "The end must be after the start"
        if self.attendance != self.Attendance.ONLINE and not self.address.strip():
            errors["address"] = "Enter the address of an in-person event"
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The events listing's address, for the topic links.
        context["library_url"] = section_url(self, request)
        return context
