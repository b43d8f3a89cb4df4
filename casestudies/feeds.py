"""The case studies RSS feed: the newest live, public case studies."""

from resources.feeds import FEED_LENGTH, LibraryFeed


class CaseStudyFeed(LibraryFeed):
    description_fallback = "New case studies from Source4Networks."

    def items(self):
        from .models import CaseStudyPage

        return (
            CaseStudyPage.objects.live()
            .public()
            .prefetch_related("tagged_topics__tag")
            .order_by("-first_published_at", "-pk")[:FEED_LENGTH]
        )
