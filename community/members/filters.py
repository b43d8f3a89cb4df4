"""Filters for the member directory. Its values come from shared links (a profile's interests), so a
value that cannot be used is refused with a message beside its field and in the error
summary, as in the library, and the other filters still apply."""

import django_filters
from django.db.models import Q
from django.utils.text import slugify

from source4networks.listing import FilterForm, SearchFilter
from source4networks.models import Region, Sector

from .models import Profile


class MemberFilterSet(django_filters.FilterSet):
    q = SearchFilter(label="Name or organisation", method="filter_search")
    region = django_filters.ChoiceFilter(label="Region", field_name="region__slug", empty_label="All regions")
    sector = django_filters.ChoiceFilter(label="Sector", field_name="sector__slug", empty_label="All sectors")
    interest = django_filters.CharFilter(
        label="Interest",
        method="filter_interest",
        # No interest is longer (a tag's name is at most 100 characters).
        max_length=100,
        error_messages={"max_length": "An interest must be %(limit_value)d characters or fewer"},
    )

    class Meta:
        model = Profile
        fields = []
        form = FilterForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Offered from the database; a slug not among them is refused rather than looked up.
        self.filters["region"].extra["choices"] = list(Region.objects.values_list("slug", "name"))
        self.filters["sector"].extra["choices"] = list(Sector.objects.values_list("slug", "name"))

    def filter_search(self, queryset, name, value):
        return queryset.filter(Q(display_name__icontains=value) | Q(organisation__icontains=value))

    def filter_interest(self, queryset, name, value):
        # Typed as a name or followed from a profile as a slug: both match the tag's slug.
        return queryset.filter(interests__slug=slugify(value))
