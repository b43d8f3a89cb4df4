"""RSS feeds of the library, so people can follow new resources, case studies and events in a
feed reader.

Each feed is built per request by its index page's route (`LibraryFeed(index_page)(request)`),
so it can keep the request for page URLs. The index page says which pages it lists
(`feed_items()`: live, public pages only). Every link in a feed is absolute and starts with
SITE_URL (pages' through Wagtail's Site record, kept in step with it)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed

from source4networks.site_address import absolute_url

FEED_LENGTH = 30


class LibraryFeed(Feed):
    """Base for the library's feeds: title, link and description come from the index page."""

    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        self.index_page = index_page
        self.request = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"{self.index_page.title} – Source4Networks"

    def link(self):
        return self.index_page.get_full_url(self.request)

    def feed_url(self):
        return absolute_url(self.request.path)

    def description(self):
        return self.index_page.intro or self.index_page.feed_description

    def items(self):
        return self.index_page.feed_items()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [tagged.tag.name for tagged in item.tagged_topics.all()]
