"""RSS feeds of the library, so people can follow new resources and events in a feed reader.

Each feed is built per request by its index page's route (`ResourceFeed(index_page)(request)`),
so it can keep the request for page URLs. Only live, public pages are listed."""

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed

FEED_LENGTH = 30


class LibraryFeed(Feed):
    """Base for the library's feeds: title, link and description come from the index page."""

    feed_type = Rss201rev2Feed
    description_fallback = ""

    def __init__(self, index_page):
        self.index_page = index_page
        self.request = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"{self.index_page.title} – Source4Networks"

    def link(self):
        return self.index_page.get_url(self.request)

    def description(self):
        return self.index_page.intro or self.description_fallback

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [tagged.tag.name for tagged in item.tagged_topics.all()]


class ResourceFeed(LibraryFeed):
    description_fallback = "New resources from Source4Networks."

    def items(self):
        from .models import ResourcePage

        return (
            ResourcePage.objects.live()
            .public()
            .prefetch_related("tagged_topics__tag")
            .order_by("-first_published_at", "-pk")[:FEED_LENGTH]
        )


class EventFeed(LibraryFeed):
    """Upcoming events, soonest first: what a subscriber can still go to."""

    description_fallback = "Upcoming events and webinars from Source4Networks."

    def items(self):
        from .models import EventPage

        return (
            EventPage.objects.live()
            .public()
            .filter(end__gte=timezone.now())
            .prefetch_related("tagged_topics__tag")
            .order_by("start", "pk")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return f"{item.title} ({item.when})"

    def item_description(self, item):
        return f"{item.when}. {item.get_attendance_display()}. {item.summary}"
