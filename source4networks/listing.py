"""Paging, searching and filtering shared by every listing (the library's sections and the
member and network directories), so each behaves the same way: bad page numbers fall back to
the first or last page, a filter value that cannot be used is dropped with a message rather
than a server error, and the query count does not grow with the number of items."""

import re

import django_filters
from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db import connections
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


def clean_search_text(text):
    """`text` without characters that cannot be searched, trimmed; `(text, error)` where
    error is a message for a text too long to search."""
    text = UNSEARCHABLE_CHARACTERS.sub(" ", text).strip()
    if len(text) > settings.SEARCH_QUERY_MAX_LENGTH:
        return text, SEARCH_TOO_LONG % {"limit_value": settings.SEARCH_QUERY_MAX_LENGTH}
    return text, None


def clean_query(request, name="q"):
    """The search text from the query string, cleaned by `clean_search_text`."""
    return clean_search_text(request.GET.get(name, ""))


def keep_queryset(queryset, name, value):
    """Filter method for settings applied by the listing itself (sort, search)."""
    return queryset


def search_box(label):
    """A listing's search filter (its filter set's `search_name`). The filter set cleans the
    text and applies it itself (see `ListingFilterSet.search`), so the filter leaves the
    queryset alone."""
    return django_filters.CharFilter(label=label, method=keep_queryset, widget=forms.SearchInput)


class ListingFilterSet(django_filters.FilterSet):
    """The filter set every listing builds on. Listings are driven by GET parameters from
    shared or bookmarked links, so a value we cannot use (a retired topic, a mistyped region,
    an overlong search) must never break the page: it is left out, the other filters still
    apply, and the person is told which value was ignored.

    Subclasses declare their filters and may fill choices from the database in `set_choices()`.
    After construction:
    - `problems`: [{"name", "id", "message"}] in the form's order, for the site's error
      summary: choice values dropped as unknown, a search too long to run and any other value
      the form refuses;
    - `query`: the search text, cleaned as every search's is ("" if none or refused);
    - `data` is the data without the dropped choice values, so the form shows what is actually
      applied; a refused text is kept, so it can be corrected."""

    # Filters that are settings of the listing rather than narrowing it (sort, which events):
    # they are not listed as active filters.
    setting_names = ()
    # The search filter (see `search_box`), if the listing has one.
    search_name = "q"
    # Ids of the form's fields; the site header's search already uses "search".
    field_id_format = "filter-{name}"

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        self.set_choices()
        self.problems = []
        self.query = ""
        if self.is_bound:
            self.data = self._without_unknown_values(self.normalise(self.data.copy()))
            self._check_search()
            self._report_refused_values()
            order = list(self.filters)
            self.problems.sort(key=lambda problem: order.index(problem["name"]))

    def set_choices(self):
        """Hook: set choices that come from the database."""

    def normalise(self, data):
        """Hook: `data` (a copy that may be changed) with values written another way than the
        filters take turned into theirs, before unknown values are dropped."""
        return data

    def set_filter_choices(self, name, choices):
        self.filters[name].extra["choices"] = choices

    def search(self, queryset, text):
        """Hook: the items matching the search `text`. The library's listings leave this alone
        and search through the search backend, which ranks the results."""
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        return self.search(queryset, self.query) if self.query else queryset

    def field_id(self, name):
        return self.field_id_format.format(name=name)

    def add_problem(self, name, message):
        # A hidden setting has no field to link to; its message is shown without a link.
        hidden = isinstance(self.filters[name].field.widget, forms.HiddenInput)
        self.problems.append({"name": name, "id": "" if hidden else self.field_id(name), "message": message})

    def _without_unknown_values(self, data):
        data = data.copy()
        for name, filter_ in self.filters.items():
            field = filter_.field
            if not isinstance(field, forms.ChoiceField):
                continue
            values = data.getlist(name)
            # Empty values mean "any" and are dropped quietly: a multiple choice would
            # otherwise refuse the whole field over an empty one.
            kept = [value for value in values if value and field.valid_value(value)]
            unknown = [value for value in values if value and value not in kept]
            if kept != values:
                data.setlist(name, kept)
            if not unknown:
                continue
            shown = ", ".join(f"“{Truncator(value).chars(SHOWN_VALUE_LENGTH)}”" for value in unknown)
            noun = filter_.label.lower()
            self.add_problem(
                name,
                f"There is no {noun} called {shown}, so the list is not filtered by it"
                if name not in self.setting_names
                else f"{shown} is not a choice for {noun}, so the default is used",
            )
        return data

    def _check_search(self):
        if self.search_name not in self.filters:
            return
        self.query, error = clean_search_text(self.data.get(self.search_name, ""))
        if error:
            self.add_problem(self.search_name, error)
            self.query = ""

    def _report_refused_values(self):
        """Values the form refuses (a text longer than its filter takes): django-filter leaves
        such a filter out and applies the rest. The search's text is checked by
        `clean_search_text` instead, which removes what the form would refuse."""
        for name, errors in self.form.errors.items():
            if name in self.filters and name != self.search_name:
                self.add_problem(name, errors[0])

    def value(self, name):
        """The applied value of a filter: a list for a multiple choice, else a string."""
        if isinstance(self.filters[name].field, forms.MultipleChoiceField):
            return [value for value in self.data.getlist(name) if value]
        return self.data.get(name, "")

    def applied(self):
        """Whether anything narrows the list: a dropped or refused value does not, nor does a
        setting."""
        if not self.is_bound:
            return False
        narrowing = (
            value
            for name, value in self.form.cleaned_data.items()
            if name != self.search_name and name not in self.setting_names
        )
        return bool(self.query) or any(narrowing)

    def active_count(self):
        """How many filters narrow the list (each chosen value counts, the search counts once),
        for the "Filter (2 active)" summary: dropped or refused values and settings do not."""
        if not self.is_bound:
            return 0
        count = int(bool(self.query))
        for name in self.filters:
            if name == self.search_name or name in self.setting_names or name in self.form.errors:
                continue
            value = self.value(name)
            count += len(value) if isinstance(value, list) else int(bool(value))
        return count

    def choice_label(self, name, value):
        return dict(self.filters[name].field.choices).get(value, value)

    def active_filters(self):
        """What is narrowing the list, each with the query string that removes it."""
        active = []
        for name, filter_ in self.filters.items():
            if name in self.setting_names or not isinstance(filter_.field, forms.ChoiceField):
                continue
            value = self.value(name)
            for item in value if isinstance(value, list) else [value] if value else []:
                remaining = self.data.copy()
                remaining.setlist(name, [other for other in remaining.getlist(name) if other != item])
                remaining.pop("page", None)
                active.append(
                    {
                        "label": filter_.label,
                        "value": self.choice_label(name, item),
                        "remove_query": remaining.urlencode(),
                    }
                )
        return active

    def template_fields(self, hidden_choices=None):
        """Plain descriptions of the form's fields for the shared filter-form template, which
        renders NHS.UK checkboxes, selects and inputs from them. `hidden_choices` maps a field
        name to choice values not offered this time (relevance when nothing is searched)."""
        hidden_choices = hidden_choices or {}
        errors = {}
        for problem in self.problems:
            errors.setdefault(problem["name"], problem["message"])
        described = []
        for name, filter_ in self.filters.items():
            field = filter_.field
            field_id = self.field_id(name)
            entry = {"name": name, "id": field_id, "label": filter_.label, "error": errors.get(name, "")}
            if isinstance(field.widget, forms.HiddenInput):
                if not self.value(name):
                    continue
                entry.update(kind="hidden", value=self.value(name))
            elif isinstance(field, forms.MultipleChoiceField):
                chosen = set(self.value(name))
                entry.update(
                    kind="checkboxes",
                    options=[
                        {
                            "value": value,
                            "label": label,
                            "selected": value in chosen,
                            # The first box takes the field's id so error links land on it.
                            "id": field_id if number == 1 else f"{field_id}-{number}",
                        }
                        for number, (value, label) in enumerate(field.choices, start=1)
                    ],
                )
            elif isinstance(field, forms.ChoiceField):
                chosen = self.value(name) or self.default_choice(name)
                entry.update(
                    kind="select",
                    options=[
                        {"value": value, "label": label, "selected": value == chosen}
                        for value, label in field.choices
                        if value not in hidden_choices.get(name, ())
                    ],
                )
            else:
                # What was typed is shown as typed, even when refused, so it can be corrected.
                entry.update(kind="input", type=field.widget.input_type, value=self.value(name))
            described.append(entry)
        return described

    def default_choice(self, name):
        """The option a select shows when nothing is chosen (the first, unless overridden)."""
        return ""


def in_page_order(page_items, queryset):
    """Fetch the objects on one page through `queryset` (with its select and prefetch
    lookups) and return them in the page's order. Search results cannot prefetch, so the
    listing fetches the page's few items again in one query."""
    ids = [item.pk for item in page_items]
    by_id = {obj.pk: obj for obj in queryset.filter(pk__in=ids)}
    return [by_id[pk] for pk in ids if pk in by_id]


def rows_of_limited_selects(selects):
    """The rows of several ordered, sliced selects: one UNION ALL query where the database can
    limit inside a UNION (PostgreSQL), one query per select where it cannot (SQLite)."""
    selects = list(selects)
    if len(selects) > 1 and connections[selects[0].db].features.supports_slicing_ordering_in_compound:
        return list(selects[0].union(*selects[1:], all=True))
    return [row for select in selects for row in select]
