"""What the case studies listing and a case study page show. The listing is the library's
shared one (resources.listing.library_listing) with the case study filters."""

from resources.listing import library_listing, topics_prefetch

from .filters import CaseStudyFilterSet


def _case_study_related(queryset):
    from .models import CaseStudyPageTopic

    return queryset.select_related("region").prefetch_related("sectors", topics_prefetch(CaseStudyPageTopic))


def case_study_listing(index_page, request):
    from .models import CaseStudyPage

    return library_listing(
        request,
        index_page,
        filterset_class=CaseStudyFilterSet,
        queryset=CaseStudyPage.objects.live().public(),
        related=_case_study_related,
        singular="case study",
        plural="case studies",
    )


def case_study_related(page, request):
    """The resources the editors chose, in their order, leaving out any not published."""
    from resources.models import ResourcePage

    chosen_ids = [link.resource_id for link in page.related_resources.all()]
    published = {resource.pk: resource for resource in ResourcePage.objects.live().public().filter(pk__in=chosen_ids)}
    index_page = page.get_parent() if page.pk else None
    return {
        "related_resources": [published[pk] for pk in dict.fromkeys(chosen_ids) if pk in published],
        "library_url": index_page.get_url(request) if index_page else "",
    }
