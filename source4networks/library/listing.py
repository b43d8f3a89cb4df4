"""The listing every library section shares (resources, case studies, events), so every
listing filters, searches, sorts, counts and pages the same way. Query counts stay the same
whatever the number of items: filters become subqueries, related rows are prefetched once per page, and search results
are fetched again through the prefetching queryset with `in_page_order`."""

from django.db.models import Prefetch
from django.db.models.functions import Lower
from django.utils.text import Truncator

from source4networks.listing import in_page_order, paginate

from .filters import topic_through

# Sort orders by name. Plain field names (and expressions, which the database search
# backends accept) so the same ordering works for a search and a plain listing; the id
# keeps the order stable between pages when two items tie.
SORT_ORDERS = {
    "newest": ("-first_published_at", "-id"),
    "title": (Lower("title").asc(), "id"),
}


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
    """The context every library listing template shares (see includes/library/* and includes/filter_form.html)."""
    base_url = index_page.get_url(request)
    active = list(extra_active) + filters.active_filters()
    return {
        "filters": filters,
        "filter_count": filters.active_count(),
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
    # Cleaned by the filter set, which reports a search too long to run.
    query = filters.query

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


def topics_prefetch(page_model):
    """Each listed page's topics in one query, alphabetically."""
    through = topic_through(page_model)
    return Prefetch("tagged_topics", queryset=through.objects.select_related("tag").order_by("tag__name"))


def section_url(page, request):
    """The address of the section a library page belongs to (for its topic links)."""
    index_page = page.get_parent() if page.pk else None
    return index_page.get_url(request) if index_page else ""
