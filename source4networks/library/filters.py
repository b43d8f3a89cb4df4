"""Filters the library's listings (resources, case studies, events) share: topics and sectors
of library pages. Their filter sets build on `source4networks.listing.ListingFilterSet`."""

from source4networks.page_cache import cached_until_purge


def topic_through(page_model):
    """The tagged-item model that holds a library page type's topics (its `tagged_topics`)."""
    return page_model._meta.get_field("tagged_topics").related_model


def topic_choices(pages):
    """(slug, name) of the topics used by `pages`, so the topic list never offers a topic
    that would find nothing. Finding them reads every page's topics (a tenth of a second at
    100,000 resources), and they change only when pages are published: kept until then."""
    rows = (
        topic_through(pages.model)
        .objects.filter(content_object__in=pages.values("pk"))
        .values_list("tag__slug", "tag__name")
        .distinct()
        .order_by("tag__name")
    )
    return cached_until_purge(f"topic-choices:{rows.query}", lambda: [tuple(row) for row in rows])


def with_topic(queryset, slug):
    """Pages tagged with the topic `slug`."""
    return in_subquery(queryset, topic_through(queryset.model), "content_object_id", tag__slug=slug)


def in_sectors(queryset, slugs):
    """Pages in any of the sectors `slugs`."""
    through = queryset.model.sectors.through
    page_field = f"{queryset.model._meta.model_name}_id"
    return in_subquery(queryset, through, page_field, sector__slug__in=slugs)


def in_subquery(queryset, through_model, page_field, **lookups):
    """Pages whose pk appears in `through_model` rows matching `lookups`. A subquery rather
    than a join keeps each page once without `distinct()`, which search results cannot take."""
    return queryset.filter(pk__in=through_model.objects.filter(**lookups).values(page_field))
