"""What the resource library's listing cards and a resource page show besides their fields."""

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value

from source4networks.library.listing import section_url, topics_prefetch
from source4networks.listing import rows_of_limited_selects

RELATED_RESOURCES_SHOWN = 4


def with_card_relations(queryset):
    """What each resource card shows (sectors, topics), fetched once per page of results."""
    return queryset.prefetch_related("sectors", topics_prefetch(queryset.model))


def linking_case_studies(resource):
    """Published case studies that list `resource` among their related resources. Case
    studies depend on resources, not the other way round, so they are reached through the
    rows that link them (`case_study_links`)."""
    links = resource.case_study_links
    case_study_model = links.model._meta.get_field("case_study").related_model
    return (
        case_study_model.objects.live()
        .public()
        .filter(pk__in=links.values("case_study_id"))
        .order_by("-first_published_at", "-pk")
    )


def related_resources(page, limit=RELATED_RESOURCES_SHOWN):
    """Up to `limit` published resources sharing the most topics with `page`, newest first
    among those sharing as many.

    Counting shared topics over the whole library and sorting took a quarter of a second at
    100,000 resources. So each possible number of shared topics is its own select ("shares
    exactly n of the page's topics", newest first, at most `limit`): PostgreSQL walks the
    publishing-date index from the newest page and stops at `limit`, so each select reads a
    few dozen rows whatever the size of the library. The selects go in one UNION (one query
    per number where the database cannot limit inside a UNION); the most shared come first."""
    topic_ids = [topic.pk for topic in page.topics.all()]
    if not topic_ids:
        return []
    through = type(page).tagged_topics.rel.related_model
    shared = (
        through.objects.filter(content_object_id=OuterRef("pk"), tag_id__in=topic_ids)
        .values("content_object_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    candidates = (
        type(page)
        .objects.live()
        .public()
        .exclude(pk=page.pk)
        .alias(shared_topics=Subquery(shared, output_field=IntegerField()))
    )
    selects = [
        candidates.filter(shared_topics=count)
        .annotate(shares=Value(count, output_field=IntegerField()))
        .order_by("-first_published_at", "-pk")[:limit]
        for count in range(len(set(topic_ids)), 0, -1)
    ]
    found = rows_of_limited_selects(selects)

    def most_shared_then_newest(resource):
        published = resource.first_published_at
        return (-resource.shares, published is None, -published.timestamp() if published else 0, -resource.pk)

    return sorted(found, key=most_shared_then_newest)[:limit]


def resource_related(page, request):
    """Resources sharing the most topics with `page`, and the case studies that link to it."""
    return {
        "related_resources": related_resources(page),
        "linking_case_studies": list(linking_case_studies(page)) if page.pk else [],
        "library_url": section_url(page, request),
    }
