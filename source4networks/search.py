"""Site-wide search at /search/.

Every kind of thing the site can find is one `SearchType` in `search_types`; each app
registers its own from its AppConfig.ready() (so this module imports none of them), with a
`visible` function that narrows its queryset to what the person searching may see.

Each type is searched on its own model through Wagtail's search backend, so each gets an
exact count and its own relevance order. The query count is fixed by the number of types
(one count and at most one fetch each), never by the number of results.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models.functions import Cast
from django.http import QueryDict
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from .listing import clean_query, paginate
from .registry import Registry

EMPTY_QUERY_MESSAGE = "Enter a search term"


def search_join_index(field, name):
    """An index on `field` written as text, for a model the site searches. Wagtail's database
    search joins its index rows to the model on `object_id = (pk)::varchar(50)`; without this
    index PostgreSQL reads the whole table to make that join (23 ms of a 59 ms rare-word search
    at 100,000 resources), with it one row per match."""
    return models.Index(Cast(field, output_field=models.CharField(max_length=50)), name=name)


def live_public_pages(queryset, request):
    """Published pages with no view restriction: drafts, unpublished and private pages never show.
    The private sections are looked up once per request rather than once per page type."""
    if not hasattr(request, "_private_pages_q"):
        request._private_pages_q = queryset.private_q()
    return queryset.live().exclude(request._private_pages_q)


@dataclass(frozen=True)
class SearchType:
    key: str  # the value of `type=` in the query string
    label: str  # plural, for the filter: "Case studies"
    name: str  # singular, shown on each result: "Case study"
    model: Any  # the model searched
    order: int  # where its filter stands among the types
    visible: Any = live_public_pages  # (queryset, request) -> the part this person may find

    def queryset(self, request):
        return self.visible(self.model._default_manager.all(), request)

    def search(self, query, request):
        return get_search_backend().search(query, self.queryset(request))


search_types = Registry()


def registered_search_types():
    return sorted(search_types, key=lambda search_type: search_type.order)


@dataclass(frozen=True)
class SearchHit:
    type: SearchType
    title: str
    url: str
    summary: str
    date_label: str = ""  # what the date is: "Event on", "Published", "Added"
    date: Any = None


# The date a result shows, by the first field it has: when an event takes place, when a page
# was first published, or when anything else was added.
HIT_DATES = (("start", "Event on"), ("first_published_at", "Published"), ("created_at", "Added"))


def hit_date(obj):
    """(label, datetime) for a result, or ("", None) if it has no date."""
    for field, label in HIT_DATES:
        value = getattr(obj, field, None)
        if value:
            return label, value
    return "", None


def make_hit(search_type, obj, request):
    # Pages take the request so the site's root paths are looked up once per request.
    url = obj.get_url(request) if isinstance(obj, Page) else obj.get_absolute_url()
    date_label, date = hit_date(obj)
    return SearchHit(
        type=search_type,
        # A reply has no title of its own (`search_title` names its thread); a network's str is its name.
        title=getattr(obj, "search_title", None) or getattr(obj, "title", None) or str(obj),
        url=url,
        summary=getattr(obj, "summary", ""),
        date_label=date_label,
        date=date,
    )


class InterleavedResults:
    """Several types' results as one list for the paginator: the best match of each type,
    then the second of each, and so on. Scores from separate searches are not comparable
    (SQLite's bm25 is lower-is-better, PostgreSQL's rank higher-is-better), while each
    type's own order is, so interleaving by rank shows every type's best matches first.

    The counts fix where every result falls, so a slice fetches only the ranks it covers:
    one query per type of about one page's length, however deep the page."""

    def __init__(self, searches):
        self.searches = searches  # [(SearchType, SearchResults)]

    def count(self):
        return sum(results.count() for _, results in self.searches)

    def __len__(self):
        return self.count()

    def _before_rank(self, rank):
        """How many results come before the `rank`-th result of each type."""
        return sum(min(results.count(), rank) for _, results in self.searches)

    def _first_rank(self, condition):
        """The lowest rank for which `condition(rank)` holds (it holds for every higher rank)."""
        low, high = 0, max((results.count() for _, results in self.searches), default=0)
        while low < high:
            middle = (low + high) // 2
            if condition(middle):
                high = middle
            else:
                low = middle + 1
        return low

    def __getitem__(self, key):
        if not isinstance(key, slice) or key.step not in (None, 1):
            raise TypeError("InterleavedResults supports simple slices only")
        start, stop, _ = key.indices(self.count())
        if start >= stop:
            return []
        first = self._first_rank(lambda rank: self._before_rank(rank + 1) > start)
        last = self._first_rank(lambda rank: self._before_rank(rank) >= stop)
        fetched = [
            (search_type, list(results[first:last]) if results.count() > first else [])
            for search_type, results in self.searches
        ]
        merged = [
            (search_type, objects[rank - first])
            for rank in range(first, last)
            for search_type, objects in fetched
            if rank - first < len(objects)
        ]
        offset = start - self._before_rank(first)
        return merged[offset : offset + stop - start]


def type_filter_url(query, key=None):
    params = QueryDict(mutable=True)
    params["q"] = query
    if key:
        params["type"] = key
    return "?" + params.urlencode()


def site_search(request, search_types=None):
    search_types = registered_search_types() if search_types is None else search_types
    submitted = "q" in request.GET
    query, error = clean_query(request)
    context = {
        "query": query,
        "submitted": submitted,
        "error": None,
        "search_types": search_types,
        "max_length": settings.SEARCH_QUERY_MAX_LENGTH,
    }
    if error is None and submitted and not query:
        error = EMPTY_QUERY_MESSAGE
    if error or not query:
        context["error"] = error
        context["problems"] = [{"id": "search-query", "message": error}] if error else []
        return context

    # An unknown type is treated as "all": a shared link with an old type still finds things.
    selected = next((t for t in search_types if t.key == request.GET.get("type")), None)
    searches = [(search_type, search_type.search(query, request)) for search_type in search_types]
    total = sum(results.count() for _, results in searches)
    filters = [{"key": None, "label": "All", "count": total, "current": selected is None}]
    filters += [
        {"key": t.key, "label": t.label, "count": results.count(), "current": t == selected} for t, results in searches
    ]
    for item in filters:
        item["url"] = type_filter_url(query, item["key"])

    if selected is None:
        page_obj = paginate(request, InterleavedResults(searches))
        pairs = page_obj.object_list
    else:
        results = dict(searches)[selected]
        page_obj = paginate(request, results)
        pairs = [(selected, obj) for obj in page_obj.object_list]
    page_obj.object_list = [make_hit(search_type, obj, request) for search_type, obj in pairs]

    context.update(
        {
            "searched": True,
            "selected_type": selected,
            "type_filters": filters,
            "total": total,
            "result_count": page_obj.paginator.count,
            "page_obj": page_obj,
            "results": page_obj.object_list,
            "clear_filters_url": type_filter_url(query) if selected else None,
        }
    )
    return context
