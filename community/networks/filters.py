"""Filters for the networks directory. Its values come from shared links (a network's topics),
so it filters the way every listing does (see `ListingFilterSet`): a value that cannot be used
is reported beside its field and in the error summary, and the other filters still apply."""

import django_filters
from django.db.models import Q

from source4networks.listing import ListingFilterSet, search_box
from source4networks.models import Region, Sector
from source4networks.taxonomy import NetworkType


class NetworkFilterSet(ListingFilterSet):
    q = search_box("Search networks")
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

    # The ids Django gives form fields, which links to the directory's fields have always used.
    field_id_format = "id_{name}"

    def set_choices(self):
        # Offered from the database; a slug not among them is refused rather than looked up.
        self.set_filter_choices("region", list(Region.objects.values_list("slug", "name")))
        self.set_filter_choices("sector", list(Sector.objects.values_list("slug", "name")))

    def search(self, queryset, text):
        return queryset.filter(Q(name__icontains=text) | Q(summary__icontains=text))

    def filter_topic(self, queryset, name, value):
        return queryset.filter(topics__slug=value.lower())
