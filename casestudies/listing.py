"""What the case studies listing cards and a case study page show besides their fields."""

from django.db.models import Prefetch
from wagtail.images import get_image_model

from source4networks.library.listing import section_url, topics_prefetch


def with_card_relations(queryset):
    """What each case study card shows (region, sectors, topics, the listing image and its
    renditions), fetched once per page."""
    images = get_image_model().objects.prefetch_renditions()
    return queryset.select_related("region").prefetch_related(
        "sectors", topics_prefetch(queryset.model), Prefetch("listing_image", queryset=images)
    )


def case_study_related(page, request, resources):
    """The resources the editors chose, in their order, leaving out any not published.
    `resources` is the live, public resources queryset."""
    chosen_ids = [link.resource_id for link in page.related_resources.all()]
    published = {resource.pk: resource for resource in resources.filter(pk__in=chosen_ids)}
    return {
        "related_resources": [published[pk] for pk in dict.fromkeys(chosen_ids) if pk in published],
        "library_url": section_url(page, request),
    }
