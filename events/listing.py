"""What the events listing shows: upcoming events (not yet ended, soonest first) or, with
?when=past, the archive of past events (most recent first), filtered by topic."""

from django.utils import timezone

from source4networks.library.listing import listing_context, topics_prefetch
from source4networks.listing import paginate

from .filters import EventFilterSet


def event_listing(index_page, request, events):
    """The listing context for `events` (the live, public events)."""
    filters = EventFilterSet(request.GET, queryset=events, request=request)
    past = filters.value("when") == "past"
    now = timezone.now()
    if past:
        chosen = filters.qs.filter(end__lt=now).order_by("-start", "-pk")
    else:
        chosen = filters.qs.filter(end__gte=now).order_by("start", "pk")
    page_obj = paginate(request, chosen.prefetch_related(topics_prefetch(events.model)))
    context = listing_context(
        request,
        index_page,
        filters,
        page_obj,
        list(page_obj.object_list),
        singular="past event" if past else "upcoming event",
        plural="past events" if past else "upcoming events",
    )
    base_url = context["clear_url"]
    # Switching between upcoming and past keeps the topic but starts at the first page.
    switch = filters.data.copy()
    switch.pop("page", None)
    switch.pop("when", None)
    if not past:
        switch["when"] = "past"
    context.update(
        {
            "past": past,
            "filter_fields": filters.template_fields(),
            "switch_url": base_url + (f"?{switch.urlencode()}" if switch else ""),
            # Clearing the topic keeps you in the archive you are looking at.
            "clear_url": f"{base_url}?when=past" if past else base_url,
            "is_filtered": bool(context["active_filters"]),
            "empty_text": "There are no past events yet." if past else "There are no upcoming events at the moment.",
        }
    )
    return context
