"""What the resource library's listing cards and a resource page show besides their fields."""

from django.db.models import Count, Q

from source4networks.library.listing import section_url, topics_prefetch

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


def resource_related(page, request):
    """Resources sharing the most topics with `page`, and the case studies that link to it."""
    topic_ids = [topic.pk for topic in page.topics.all()]
    related = []
    if topic_ids:
        shared = Q(tagged_topics__tag_id__in=topic_ids)
        related = list(
            type(page)
            .objects.live()
            .public()
            .exclude(pk=page.pk)
            .annotate(shared_topics=Count("tagged_topics", filter=shared))
            .filter(shared_topics__gt=0)
            .order_by("-shared_topics", "-first_published_at", "-pk")[:RELATED_RESOURCES_SHOWN]
        )
    return {
        "related_resources": related,
        "linking_case_studies": list(linking_case_studies(page)) if page.pk else [],
        "library_url": section_url(page, request),
    }
