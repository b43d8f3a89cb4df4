"""What the resource library, the events listing and their detail pages show.

`library_listing` is shared with the case studies so every listing filters, searches, sorts,
counts and pages the same way. Query counts stay the same whatever the number of items:
filters become subqueries, related rows are prefetched once per page, and search results
are fetched again through the prefetching queryset with `in_page_order`."""

from django.db.models import Count, Prefetch, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.text import Truncator

from source4networks.listing import clean_query, in_page_order, paginate

from .filters import EventFilterSet, ResourceFilterSet

# Sort orders by name. Plain field names (and expressions, which the database search
# backends accept) so the same ordering works for a search and a plain listing; the id
# keeps the order stable between pages when two items tie.
SORT_ORDERS = {
    "newest": ("-first_published_at", "-id"),
    "title": (Lower("title").asc(), "id"),
}

RELATED_RESOURCES_SHOWN = 4


def count_text(number, singular, plural):
    return f"{number} {singular if number == 1 else plural}"


def page_message(request, page_obj):
    """Say so when the page asked for is not the page shown (Django's get_page falls back to
    the first page for a non-number and the last page for any number out of range)."""
    requested = request.GET.get("page")
    if requested is None:
        return ""
    try:
        if int(requested) == page_obj.number:
            return ""
        asked = f"There is no page {int(requested)}"
    except ValueError:
        asked = f"“{Truncator(requested).chars(20)}” is not a page number"
    return f"{asked}, so you are seeing page {page_obj.number} of {page_obj.paginator.num_pages}."


def with_remove_urls(active, base_url):
    for item in active:
        query = item.pop("remove_query")
        item["remove_url"] = f"{base_url}?{query}" if query else base_url
    return active


def listing_context(request, index_page, filters, page_obj, items, *, singular, plural, extra_active=()):
    """The context every listing template shares (see includes/library/*)."""
    base_url = index_page.get_url(request)
    active = list(extra_active) + filters.active_filters()
    return {
        "filters": filters,
        "problems": filters.problems,
        "active_filters": with_remove_urls(active, base_url),
        "page_obj": page_obj,
        "items": items,
        "result_count": page_obj.paginator.count,
        "count_text": count_text(page_obj.paginator.count, singular, plural),
        "plural": plural,
        "empty_text": f"There are no {plural} yet.",
        "page_message": page_message(request, page_obj),
        "listing_url": base_url,
        "clear_url": base_url,
        # Anything chosen besides the page number earns a "Clear filters" link.
        "is_filtered": any(value for key, values in request.GET.lists() if key != "page" for value in values),
    }


def library_listing(request, index_page, *, filterset_class, queryset, related, singular, plural):
    """Filter, search, sort and page `queryset` (live, public pages of one type).

    `related` is a function adding select/prefetch lookups for what each card shows."""
    filters = filterset_class(request.GET, queryset=queryset, request=request)
    query, query_error = clean_query(request)
    if query_error:
        filters.add_problem("q", query_error)
        query = ""

    sort = filters.value("sort") or ("relevance" if query else "newest")
    if sort == "relevance" and not query:
        sort = "newest"

    filtered = filters.qs
    if query:
        # The database search backend only filters on index.FilterField fields, so the
        # filters go in as a subquery on the id and the search runs over that.
        searchable = queryset.model.objects.filter(id__in=filtered.values("id"))
        if sort != "relevance":
            searchable = searchable.order_by(*SORT_ORDERS[sort])
        results = searchable.search(query, order_by_relevance=sort == "relevance")
        page_obj = paginate(request, results)
        items = in_page_order(page_obj.object_list, related(queryset))
    else:
        page_obj = paginate(request, related(filtered).order_by(*SORT_ORDERS[sort]))
        items = list(page_obj.object_list)

    extra_active = []
    if query:
        remaining = filters.data.copy()
        remaining.pop("q", None)
        remaining.pop("page", None)
        if remaining.get("sort") == "relevance":
            remaining.pop("sort")
        extra_active.append({"label": "Search", "value": query, "remove_query": remaining.urlencode()})

    context = listing_context(
        request, index_page, filters, page_obj, items, singular=singular, plural=plural, extra_active=extra_active
    )
    context.update(
        {
            "query": query,
            "sort": sort,
            # Relevance means nothing without a search, so it is only offered with one.
            "filter_fields": filters.template_fields(hidden_choices={} if query else {"sort": ["relevance"]}),
        }
    )
    return context


def topics_prefetch(through_model):
    """Each listed page's topics in one query, alphabetically."""
    return Prefetch("tagged_topics", queryset=through_model.objects.select_related("tag").order_by("tag__name"))


def _resource_related(queryset):
    from .models import ResourcePageTopic

    return queryset.prefetch_related("sectors", topics_prefetch(ResourcePageTopic))


def resource_listing(index_page, request):
    from .models import ResourcePage

    return library_listing(
        request,
        index_page,
        filterset_class=ResourceFilterSet,
        queryset=ResourcePage.objects.live().public(),
        related=_resource_related,
        singular="resource",
        plural="resources",
    )


def resource_related(page, request):
    """Resources sharing the most topics with `page`, and the case studies that link to it."""
    from casestudies.models import CaseStudyPage, CaseStudyRelatedResource

    from .models import ResourcePage

    topic_ids = [topic.pk for topic in page.topics.all()]
    related = []
    if topic_ids:
        shared = Q(tagged_topics__tag_id__in=topic_ids)
        related = list(
            ResourcePage.objects.live()
            .public()
            .exclude(pk=page.pk)
            .annotate(shared_topics=Count("tagged_topics", filter=shared))
            .filter(shared_topics__gt=0)
            .order_by("-shared_topics", "-first_published_at", "-pk")[:RELATED_RESOURCES_SHOWN]
        )
    case_studies = (
        CaseStudyPage.objects.live()
        .public()
        .filter(pk__in=CaseStudyRelatedResource.objects.filter(resource_id=page.pk).values("case_study_id"))
        .order_by("-first_published_at", "-pk")
        if page.pk
        else CaseStudyPage.objects.none()
    )
    index_page = page.get_parent() if page.pk else None
    return {
        "related_resources": related,
        "linking_case_studies": list(case_studies),
        "library_url": index_page.get_url(request) if index_page else "",
    }


def event_related(page, request):
    """For an event page: the events listing's address, for its topic links."""
    index_page = page.get_parent() if page.pk else None
    return {"library_url": index_page.get_url(request) if index_page else ""}


def _event_related(queryset):
    from .models import EventPageTopic

    return queryset.prefetch_related(topics_prefetch(EventPageTopic))


def event_listing(index_page, request):
    """Upcoming events (not yet ended, soonest first) or, with ?when=past, the archive of
    past events (most recent first), filtered by topic."""
    from .models import EventPage

    queryset = EventPage.objects.live().public()
    filters = EventFilterSet(request.GET, queryset=queryset, request=request)
    past = filters.value("when") == "past"
    now = timezone.now()
    if past:
        events = filters.qs.filter(end__lt=now).order_by("-start", "-pk")
    else:
        events = filters.qs.filter(end__gte=now).order_by("start", "pk")
    page_obj = paginate(request, _event_related(events))
    context = listing_context(
        request,
        index_page,
        filters,
        page_obj,
        list(page_obj.object_list),
        singular="past event" if past else "upcoming event",
        plural="past events" if past else "upcoming events",
    )
    base_url = context["clear_url"]
    # Switching between upcoming and past keeps the topic but starts at the first page.
    switch = filters.data.copy()
    switch.pop("page", None)
    switch.pop("when", None)
    if not past:
        switch["when"] = "past"
    context.update(
        {
            "past": past,
            "filter_fields": filters.template_fields(),
            "switch_url": base_url + (f"?{switch.urlencode()}" if switch else ""),
            # Clearing the topic keeps you in the archive you are looking at.
            "clear_url": f"{base_url}?when=past" if past else base_url,
            "is_filtered": bool(context["active_filters"]),
            "empty_text": "There are no past events yet." if past else "There are no upcoming events at the moment.",
        }
    )
    return context
