"""Filters for the member directory. Its values come from shared links (a profile's interests),
so it filters the way every listing does (see `ListingFilterSet`): a value that cannot be used
is reported beside its field and in the error summary, and the other filters still apply."""

import django_filters
from django.db.models import Q
from django.utils.text import slugify

from source4networks.listing import ListingFilterSet, search_box
from source4networks.models import Region, Sector


class MemberFilterSet(ListingFilterSet):
    q = search_box("Name or organisation")
    region = django_filters.ChoiceFilter(label="Region", field_name="region__slug", empty_label="All regions")
    sector = django_filters.ChoiceFilter(label="Sector", field_name="sector__slug", empty_label="All sectors")
    interest = django_filters.CharFilter(
        label="Interest",
        method="filter_interest",
        # No interest is longer (a tag's name is at most 100 characters).
        max_length=100,
        error_messages={"max_length": "An interest must be %(limit_value)d characters or fewer"},
    )

    # The ids Django gives form fields, which links to the directory's fields have always used.
    field_id_format = "id_{name}"

    def set_choices(self):
        # Offered from the database; a slug not among them is refused rather than looked up.
        self.set_filter_choices("region", list(Region.objects.values_list("slug", "name")))
        self.set_filter_choices("sector", list(Sector.objects.values_list("slug", "name")))

    def search(self, queryset, text):
        return queryset.filter(Q(display_name__icontains=text) | Q(organisation__icontains=text))

    def filter_interest(self, queryset, name, value):
        # Typed as a name or followed from a profile as a slug: both match the tag's slug.
        return queryset.filter(interests__slug=slugify(value))
