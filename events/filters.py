"""Filters for the events listing: upcoming or past, and topic."""

import django_filters
from django import forms

from source4networks.library.filters import topic_choices, with_topic
from source4networks.listing import ListingFilterSet, keep_queryset


class EventFilterSet(ListingFilterSet):
    # Which events: upcoming (the default) or the archive of past ones. Switched by links on
    # the page; the form carries it along so filtering the archive stays in the archive.
    when = django_filters.ChoiceFilter(
        label="Which events",
        choices=[("upcoming", "Upcoming events"), ("past", "Past events")],
        method=keep_queryset,
        empty_label=None,
        widget=forms.HiddenInput,
    )
    topic = django_filters.ChoiceFilter(label="Topic", method="filter_topic", empty_label="All topics")

    setting_names = ("when",)

    def set_choices(self):
        self.set_filter_choices("topic", topic_choices(self.queryset))

    def filter_topic(self, queryset, name, value):
        return with_topic(queryset, value)
