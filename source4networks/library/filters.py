"""The filter set every library listing (resources, case studies, events) builds on.

Every listing is driven by GET parameters from shared or bookmarked links, so a value we do
not recognise (a retired topic, a mistyped type) must never break the page: it is dropped,
the rest of the filters still apply, and the person is told which value was ignored."""

import django_filters
from django import forms
from django.utils.text import Truncator

# How much of an unrecognised value is repeated back in a message.
SHOWN_VALUE_LENGTH = 40


def topic_through(page_model):
    """The tagged-item model that holds a library page type's topics (its `tagged_topics`)."""
    return page_model._meta.get_field("tagged_topics").related_model


def topic_choices(pages):
    """(slug, name) of the topics used by `pages`, so the topic list never offers a topic
    that would find nothing."""
    rows = (
        topic_through(pages.model)
        .objects.filter(content_object__in=pages.values("pk"))
        .values_list("tag__slug", "tag__name")
        .distinct()
        .order_by("tag__name")
    )
    return list(rows)


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


class LibraryFilterSet(django_filters.FilterSet):
    """Base for the library filters. Subclasses declare their filters and may fill choices
    from the database in `set_choices()`.

    After construction:
    - `problems`: [{"name", "id", "message"}] for values that were dropped or refused;
    - `form` is bound to the data without the dropped values, so the form shows what is
      actually applied."""

    # Filters that are settings of the listing rather than narrowing it (sort, which events):
    # they are not listed as active filters.
    setting_names = ()
    # Prefix for the form fields' ids; the site header's search already uses "search".
    id_prefix = "filter"

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        self.set_choices()
        self.problems = []
        if self.is_bound:
            self.data = self._without_unknown_values(self.data)

    def set_choices(self):
        """Hook: set choices that come from the database."""

    def set_filter_choices(self, name, choices):
        self.filters[name].extra["choices"] = choices

    def field_id(self, name):
        return f"{self.id_prefix}-{name}"

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

    def value(self, name):
        """The applied value of a filter: a list for a multiple choice, else a string."""
        if isinstance(self.filters[name].field, forms.MultipleChoiceField):
            return [value for value in self.data.getlist(name) if value]
        return self.data.get(name, "")

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
                entry.update(kind="search", value=self.value(name))
            described.append(entry)
        return described

    def default_choice(self, name):
        """The option a select shows when nothing is chosen (the first, unless overridden)."""
        return ""


def keep_queryset(queryset, name, value):
    """Filter method for settings applied by the listing itself (sort, search)."""
    return queryset
