"""Filters for the case studies listing: sector, region, network type and topic, with a
search and a sort order. Built on the filter set every listing shares, so unknown values in a
link are dropped with a message exactly as in the resource library."""

import django_filters
from django import forms

from source4networks.library.filters import in_sectors, topic_choices, with_topic
from source4networks.listing import ListingFilterSet, keep_queryset, search_box
from source4networks.models import Region, Sector
from source4networks.taxonomy import NetworkType


class CaseStudyFilterSet(ListingFilterSet):
    q = search_box("Search case studies")
    sector = django_filters.MultipleChoiceFilter(
        label="Sector", method="filter_sector", widget=forms.CheckboxSelectMultiple
    )
    region = django_filters.ChoiceFilter(label="Region", method="filter_region", empty_label="All regions")
    network_type = django_filters.MultipleChoiceFilter(
        label="Network type",
        choices=NetworkType.choices,
        method="filter_network_type",
        widget=forms.CheckboxSelectMultiple,
    )
    topic = django_filters.ChoiceFilter(label="Topic", method="filter_topic", empty_label="All topics")
    sort = django_filters.ChoiceFilter(label="Sort by", method=keep_queryset, empty_label=None)

    setting_names = ("q", "sort")

    SORT_CHOICES = [("newest", "Newest first"), ("title", "Title (A to Z)"), ("relevance", "Relevance")]

    def set_choices(self):
        self.set_filter_choices("sector", list(Sector.objects.values_list("slug", "name")))
        self.set_filter_choices("region", list(Region.objects.values_list("slug", "name")))
        self.set_filter_choices("topic", topic_choices(self.queryset))
        self.set_filter_choices("sort", self.SORT_CHOICES)

    def default_choice(self, name):
        if name == "sort":
            return "relevance" if self.value("q") else "newest"
        return ""

    def filter_sector(self, queryset, name, value):
        return in_sectors(queryset, value)

    def filter_region(self, queryset, name, value):
        return queryset.filter(region__slug=value)

    def filter_network_type(self, queryset, name, value):
        return queryset.filter(network_type__in=value)

    def filter_topic(self, queryset, name, value):
        return with_topic(queryset, value)
