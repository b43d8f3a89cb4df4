"""The resource library: toolkits, guides, evidence and more, each a page under /resources/."""

from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from source4networks.blocks import BodyBlock
from source4networks.library.listing import library_listing
from source4networks.library.pages import LibraryIndexPage
from source4networks.models import SummaryMixin
from source4networks.search import search_join_index
from source4networks.taxonomy import ResourceType

from .filters import ResourceFilterSet
from .listing import resource_related, with_card_relations


class ResourceIndexPage(LibraryIndexPage):
    """The resource library at /resources/: lists every published resource with filters by
    type, topic and sector, a keyword search and an RSS feed."""

    subpage_types = ["resources.ResourcePage"]
    feed_description = "New resources from Source4Networks."

    def listing_context(self, request):
        return library_listing(
            request,
            self,
            filterset_class=ResourceFilterSet,
            queryset=ResourcePage.objects.live().public(),
            related=with_card_relations,
            singular="resource",
            plural="resources",
        )

    def feed_items(self):
        return (
            ResourcePage.objects.live()
            .public()
            .prefetch_related("tagged_topics__tag")
            .order_by("-first_published_at", "-pk")
        )


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

    class Meta:
        indexes = [search_join_index("page_ptr", "resources_search_join")]

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []
    # Members can save it to read later (My account, Saved items).
    saveable = True

    @classmethod
    def home_page_choice(cls):
        """With nothing chosen on the home page: resources flagged "featured" first, then the newest."""
        return list(cls.objects.live().public().order_by("-featured", "-first_published_at")[:3])

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
        context = super().get_context(request, *args, **kwargs)
        context.update(resource_related(self, request))
        return context
