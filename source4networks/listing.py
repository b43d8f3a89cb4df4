"""Paging, searching and filter forms shared by every listing, so each behaves the same way:
bad page numbers fall back to the first or last page, a value a filter cannot use is refused
with a message rather than a server error, and the query count does not grow with the number
of items."""

import re

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.utils.text import Truncator

# How much of an unrecognised value is repeated back in a message.
SHOWN_VALUE_LENGTH = 40


def paginate(request, items, per_page=None):
    """The requested page of `items`. Django's get_page turns a missing or non-numeric page
    into the first page and one past the end (or below 1) into the last, never an error."""
    paginator = Paginator(items, per_page or settings.LISTING_PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))


# Control characters have no place in a search and some break the database (PostgreSQL
# refuses NUL in a string); a double quote breaks the search backend's query on SQLite.
UNSEARCHABLE_CHARACTERS = re.compile(r'[\x00-\x1f\x7f"]')
SEARCH_TOO_LONG = "Your search must be %(limit_value)d characters or fewer"


def clean_query(request, name="q"):
    """The search text from the query string, without characters that cannot be searched
    and trimmed; `(text, error)` where error is a message for a query too long to search."""
    text = UNSEARCHABLE_CHARACTERS.sub(" ", request.GET.get(name, "")).strip()
    if len(text) > settings.SEARCH_QUERY_MAX_LENGTH:
        return text, SEARCH_TOO_LONG % {"limit_value": settings.SEARCH_QUERY_MAX_LENGTH}
    return text, None


class SearchField(forms.CharField):
    """A search box in a filter set's form, cleaned as `clean_query` cleans one."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", settings.SEARCH_QUERY_MAX_LENGTH)
        kwargs.setdefault("error_messages", {"max_length": SEARCH_TOO_LONG})
        super().__init__(**kwargs)

    def to_python(self, value):
        return super().to_python(UNSEARCHABLE_CHARACTERS.sub(" ", value or ""))


class SearchFilter(django_filters.CharFilter):
    field_class = SearchField


class FilterForm(forms.Form):
    """The form of a listing's filter set (its `Meta.form`). Filters arrive in shared links that
    can carry anything: a value a filter does not offer is refused with the library's message,
    and django-filter leaves a refused field out while the other filters still apply."""

    def add_error(self, field, error):
        if field and isinstance(error, ValidationError) and getattr(error, "code", None) == "invalid_choice":
            shown = Truncator(error.params["value"]).chars(SHOWN_VALUE_LENGTH)
            noun = self.fields[field].label.lower()
            error = ValidationError(f"There is no {noun} called “{shown}”, so the list is not filtered by it")
        super().add_error(field, error)

    def problems(self):
        """What was refused as {"id", "message"} for the site's error summary: the first
        message of each field, in field order, linked to the field."""
        return [
            {"id": self[name].id_for_label, "message": self.errors[name][0]}
            for name in self.fields
            if name in self.errors
        ]

    def applied(self):
        """Whether any filter narrows the list (a refused value does not)."""
        return any(value for value in self.cleaned_data.values())


def in_page_order(page_items, queryset):
    """Fetch the objects on one page through `queryset` (with its select and prefetch
    lookups) and return them in the page's order. Search results cannot prefetch, so the
    listing fetches the page's few items again in one query."""
    ids = [item.pk for item in page_items]
    by_id = {obj.pk: obj for obj in queryset.filter(pk__in=ids)}
    return [by_id[pk] for pk in ids if pk in by_id]
