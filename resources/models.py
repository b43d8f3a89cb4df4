"""The resource library and events."""

from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from source4networks.blocks import BodyBlock
from source4networks.models import LibraryIndexPage, SummaryMixin
from source4networks.taxonomy import ResourceType


class ResourceIndexPage(LibraryIndexPage):
    """The resource library at /resources/: lists every published resource with filters by
    type, topic and sector, a keyword search and an RSS feed."""

    subpage_types = ["resources.ResourcePage"]
    listing_function = "resources.listing.resource_listing"
    feed_class = "resources.feeds.ResourceFeed"


class ResourcePageTopic(TaggedItemBase):
    content_object = ParentalKey("resources.ResourcePage", on_delete=models.CASCADE, related_name="tagged_topics")


class ResourcePage(SummaryMixin, Page):
    """A toolkit, guide, report, piece of evidence, template, video, webinar recording,
    podcast or article. Give it a type, topics and sectors so people can find it, and a
    "review by" date so the team is reminded to check it is still current."""

    body = StreamField(BodyBlock(), blank=True)
    resource_type = models.CharField(max_length=30, choices=ResourceType.choices)
    topics = ClusterTaggableManager(through=ResourcePageTopic, blank=True)
    sectors = ParentalManyToManyField("source4networks.Sector", blank=True, related_name="resources")
    source_organisation = models.CharField(max_length=200, blank=True)
    author = models.CharField(max_length=200, blank=True)
    publication_date = models.DateField(
        null=True, blank=True, help_text="When the resource was first published by its source."
    )
    external_url = models.URLField(
        "external link", blank=True, help_text="Where the resource lives, if it is on another website."
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Or upload the resource itself.",
    )
    review_by = models.DateField(
        "review by", null=True, blank=True, help_text="After this date the resource appears in the review report."
    )
    featured = models.BooleanField(default=False, help_text="Feature on the home page when none are chosen there.")

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("source_organisation"),
        index.SearchField("author"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("id"),
        index.FilterField("resource_type"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("resource_type"),
                FieldPanel("topics"),
                FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Classification",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("source_organisation"), FieldPanel("author")]),
                FieldPanel("publication_date"),
                FieldPanel("external_url"),
                FieldPanel("document"),
            ],
            heading="Source",
        ),
        MultiFieldPanel([FieldPanel("review_by"), FieldPanel("featured")], heading="Editorial"),
    ]
    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []

    @property
    def card_label(self):
        """What kind of resource this is, above its title in listings ("Toolkit")."""
        return self.get_resource_type_display()

    @property
    def external_domain(self):
        return urlsplit(self.external_url).hostname or "" if self.external_url else ""

    def clean(self):
        super().clean()
        if self.external_url and urlsplit(self.external_url).scheme not in ("http", "https"):
            raise ValidationError({"external_url": "Enter a web address starting with http:// or https://"})

    def get_context(self, request, *args, **kwargs):
        from .listing import resource_related

        context = super().get_context(request, *args, **kwargs)
        context.update(resource_related(self, request))
        return context


class EventIndexPage(LibraryIndexPage):
    """Events and webinars at /events/: upcoming events first, with an archive of past ones."""

    subpage_types = ["resources.EventPage"]
    listing_function = "resources.listing.event_listing"
    feed_class = "resources.feeds.EventFeed"


class EventPageTopic(TaggedItemBase):
    content_object = ParentalKey("resources.EventPage", on_delete=models.CASCADE, related_name="tagged_topics")


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
    parent_page_types = ["resources.EventIndexPage"]
    subpage_types = []

    @property
    def is_past(self):
        return self.end is not None and self.end < timezone.now()

    @property
    def when(self):
        """The date and time range in UK time, in words."""
        from .calendar import format_event_when

        return format_event_when(self.start, self.end)

    @property
    def card_label(self):
        """Above its title in listings: "Event, 3 March 2027" (the date in UK time)."""
        from .calendar import format_date_short

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
        from .listing import event_related

        context = super().get_context(request, *args, **kwargs)
        context.update(event_related(self, request))
        return context
