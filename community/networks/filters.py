"""Filters for the networks directory. Its values come from shared links (a network's topics), so a
value that cannot be used is refused with a message beside its field and in the error
summary, as in the library, and the other filters still apply."""

import django_filters
from django.db.models import Q

from source4networks.listing import FilterForm, SearchFilter
from source4networks.models import Region, Sector
from source4networks.taxonomy import NetworkType

from .models import Network


class NetworkFilterSet(django_filters.FilterSet):
    q = SearchFilter(label="Search networks", method="filter_search")
    type = django_filters.ChoiceFilter(
        label="Type", field_name="network_type", choices=NetworkType.choices, empty_label="All types"
    )
    region = django_filters.ChoiceFilter(label="Region", field_name="regions__slug", empty_label="All regions")
    sector = django_filters.ChoiceFilter(label="Sector", field_name="sectors__slug", empty_label="All sectors")
    topic = django_filters.CharFilter(
        label="Topic",
        method="filter_topic",
        # No topic is longer (a tag's name is at most 100 characters).
        max_length=100,
        error_messages={"max_length": "A topic must be %(limit_value)d characters or fewer"},
    )

    class Meta:
        model = Network
        fields = []
        form = FilterForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Offered from the database; a slug not among them is refused rather than looked up.
        self.filters["region"].extra["choices"] = list(Region.objects.values_list("slug", "name"))
        self.filters["sector"].extra["choices"] = list(Sector.objects.values_list("slug", "name"))

    def filter_search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(summary__icontains=value))

    def filter_topic(self, queryset, name, value):
        return queryset.filter(topics__slug=value.lower())
