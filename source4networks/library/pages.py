"""The section page every part of the library is built on."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from .feeds import LibraryFeed


class LibraryIndexPage(RoutablePageMixin, Page):
    """A section of the library (Resources, Case studies, Events): lists its published pages
    with filters and search, and offers an RSS feed of them at feed/."""

    intro = models.CharField(max_length=300, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["source4networks.HomePage"]
    max_count = 1

    feed_class = LibraryFeed
    feed_description = ""  # the feed's description when the section has no intro

    class Meta:
        abstract = True

    def listing_context(self, request):
        """The listing's context: filters, results and paging (see library.listing)."""
        raise NotImplementedError

    def feed_items(self):
        """The live, public pages the feed lists, newest (or soonest) first."""
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listing_context(request))
        return context

    @path("")
    def listing(self, request):
        return self.render(request)

    @path("feed/")
    def feed(self, request):
        return self.feed_class(self)(request)
