"""Filters for the resource library: type, topic and sector, with a search and a sort order.
Built on the filter set every listing shares (unknown values in a link are dropped with a message)."""

import django_filters
from django import forms

from source4networks.library.filters import in_sectors, topic_choices, with_topic
from source4networks.listing import ListingFilterSet, keep_queryset, search_box
from source4networks.models import Sector
from source4networks.taxonomy import ResourceType


class ResourceFilterSet(ListingFilterSet):
    q = search_box("Search resources")
    type = django_filters.MultipleChoiceFilter(
        label="Resource type",
        choices=ResourceType.choices,
        method="filter_type",
        widget=forms.CheckboxSelectMultiple,
    )
    topic = django_filters.ChoiceFilter(label="Topic", method="filter_topic", empty_label="All topics")
    sector = django_filters.MultipleChoiceFilter(
        label="Sector", method="filter_sector", widget=forms.CheckboxSelectMultiple
    )
    sort = django_filters.ChoiceFilter(label="Sort by", method=keep_queryset, empty_label=None)

    setting_names = ("q", "sort")

    SORT_CHOICES = [("newest", "Newest first"), ("title", "Title (A to Z)"), ("relevance", "Relevance")]

    def set_choices(self):
        self.set_filter_choices("topic", topic_choices(self.queryset))
        self.set_filter_choices("sector", list(Sector.objects.values_list("slug", "name")))
        self.set_filter_choices("sort", self.SORT_CHOICES)

    def default_choice(self, name):
        if name == "sort":
            return "relevance" if self.value("q") else "newest"
        return ""

    def filter_type(self, queryset, name, value):
        return queryset.filter(resource_type__in=value)

    def filter_topic(self, queryset, name, value):
        return with_topic(queryset, value)

    def filter_sector(self, queryset, name, value):
        return in_sectors(queryset, value)
