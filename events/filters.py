"""Filters for the events listing: upcoming or past, topic, and how people attend."""

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
    attendance = django_filters.ChoiceFilter(
        label="Attendance", field_name="attendance", empty_label="Online or in person"
    )

    setting_names = ("when",)

    def set_choices(self):
        self.set_filter_choices("topic", topic_choices(self.queryset))
        # Taken from the model through its queryset: the models module imports this one.
        self.set_filter_choices("attendance", self.queryset.model.Attendance.choices)

    def filter_topic(self, queryset, name, value):
        return with_topic(queryset, value)
