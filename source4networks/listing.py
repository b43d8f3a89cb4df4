"""Paging and searching shared by every listing, so each behaves the same way: bad page
numbers fall back to the first or last page, and the query count does not grow with the
number of items."""

import re

from django.conf import settings
from django.core.paginator import Paginator


def paginate(request, items, per_page=None):
    """The requested page of `items`. Django's get_page turns a missing or non-numeric page
    into the first page and one past the end (or below 1) into the last, never an error."""
    paginator = Paginator(items, per_page or settings.LISTING_PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))


# Control characters have no place in a search and some break the database (PostgreSQL
# refuses NUL in a string); a double quote breaks the search backend's query on SQLite.
UNSEARCHABLE_CHARACTERS = re.compile(r'[\x00-\x1f\x7f"]')


def clean_query(request, name="q"):
    """The search text from the query string, without characters that cannot be searched
    and trimmed; `(text, error)` where error is a message for a query too long to search."""
    text = UNSEARCHABLE_CHARACTERS.sub(" ", request.GET.get(name, "")).strip()
    if len(text) > settings.SEARCH_QUERY_MAX_LENGTH:
        return text, f"Your search must be {settings.SEARCH_QUERY_MAX_LENGTH} characters or fewer"
    return text, None


def in_page_order(page_items, queryset):
    """Fetch the objects on one page through `queryset` (with its select and prefetch
    lookups) and return them in the page's order. Search results cannot prefetch, so the
    listing fetches the page's few items again in one query."""
    ids = [item.pk for item in page_items]
    by_id = {obj.pk: obj for obj in queryset.filter(pk__in=ids)}
    return [by_id[pk] for pk in ids if pk in by_id]
