"""The events RSS feed: upcoming events, soonest first: what a subscriber can still go to."""

from source4networks.library.feeds import LibraryFeed


class EventFeed(LibraryFeed):
    def item_title(self, item):
        return f"{item.title} ({item.when})"

    def item_description(self, item):
        return f"{item.when}. {item.get_attendance_display()}. {item.summary}"
