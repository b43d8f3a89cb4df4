"""Filters for the networks directory. Its values come from shared links (a network's topics),
so it filters the way every listing does (see `ListingFilterSet`): a value that cannot be used
is reported beside its field and in the error summary, and the other filters still apply."""

import django_filters
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Lower

from source4networks.listing import ListingFilterSet, keep_queryset, search_box
from source4networks.models import Region, Sector
from source4networks.taxonomy import NetworkType

from .models import Membership, NetworkTopic

# Each sort's order; the id keeps the order stable between pages when two networks tie.
SORT_ORDERS = {
    "featured": ("-featured", Lower("name"), "pk"),
    "name": (Lower("name"), "pk"),
    "newest": ("-created_at", "-pk"),
    "members": ("-member_count", Lower("name"), "pk"),
}


class NetworkFilterSet(ListingFilterSet):
    q = search_box("Search networks")
    type = django_filters.ChoiceFilter(
        label="Type", field_name="network_type", choices=NetworkType.choices, empty_label="All types"
    )
    region = django_filters.ChoiceFilter(label="Region", field_name="regions__slug", empty_label="All regions")
    sector = django_filters.ChoiceFilter(label="Sector", field_name="sectors__slug", empty_label="All sectors")
    topic = django_filters.ChoiceFilter(label="Topic", field_name="topics__slug", empty_label="All topics")
    sort = django_filters.ChoiceFilter(
        label="Sort by",
        choices=[("featured", "Featured first"), ("name", "Name"), ("newest", "Newest"), ("members", "Most members")],
        method=keep_queryset,
        empty_label=None,
    )

    setting_names = ("sort",)

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

    def default_choice(self, name):
        return "featured" if name == "sort" else ""

    def sorted(self, queryset):
        """`queryset` in the chosen order, each network with its `member_count` (active
        members, counted in a subquery so the page's query count stays flat)."""
        active = (
            Membership.objects.filter(network=OuterRef("pk"), status=Membership.Status.ACTIVE)
            .order_by()
            .values("network")
            .annotate(total=Count("pk"))
            .values("total")
        )
        counted = queryset.annotate(member_count=Coalesce(Subquery(active, output_field=IntegerField()), Value(0)))
        return counted.order_by(*SORT_ORDERS[self.value("sort") or "featured"])

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
