"""Filters for the networks directory. Its values come from shared links (a network's topics),
so it filters the way every listing does (see `ListingFilterSet`): a value that cannot be used
is reported beside its field and in the error summary, and the other filters still apply."""

import django_filters
from django.db.models import Q

from source4networks.listing import ListingFilterSet, search_box
from source4networks.models import Region, Sector
from source4networks.taxonomy import NetworkType

from .models import NetworkTopic


class NetworkFilterSet(ListingFilterSet):
    q = search_box("Search networks")
    type = django_filters.ChoiceFilter(
        label="Type", field_name="network_type", choices=NetworkType.choices, empty_label="All types"
    )
    region = django_filters.ChoiceFilter(label="Region", field_name="regions__slug", empty_label="All regions")
    sector = django_filters.ChoiceFilter(label="Sector", field_name="sectors__slug", empty_label="All sectors")
    topic = django_filters.ChoiceFilter(label="Topic", field_name="topics__slug", empty_label="All topics")

    # The ids Django gives form fields, which links to the directory's fields have always used.
    field_id_format = "id_{name}"

    def set_choices(self):
        # Offered from the database; a slug not among them is refused rather than looked up.
        self.set_filter_choices("region", list(Region.objects.values_list("slug", "name")))
        self.set_filter_choices("sector", list(Sector.objects.values_list("slug", "name")))
        self.set_filter_choices("topic", topic_choices(self.queryset))

    def normalise(self, data):
        # A topic named as people write it ("Quality improvement") is the topic of that slug.
        topic = data.get("topic", "")
        by_name = {name.casefold(): slug for slug, name in self.filters["topic"].extra["choices"]}
        if topic and topic.casefold() in by_name:
            data["topic"] = by_name[topic.casefold()]
        return data

    def search(self, queryset, text):
        return queryset.filter(Q(name__icontains=text) | Q(summary__icontains=text))


def topic_choices(networks):
    """(slug, name) of the topics `networks` use, so the list never offers one that finds nothing."""
    rows = (
        NetworkTopic.objects.filter(content_object__in=networks.values("pk"))
        .values_list("tag__slug", "tag__name")
        .distinct()
        .order_by("tag__name")
    )
    return list(rows)
