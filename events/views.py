"""The calendar file of an event, at its page's address plus "event.ics"."""

from django.http import Http404
from wagtail.models import Site

from .calendar import event_ics_response
from .models import EventPage

# The .ics address of an event is its page's address plus "event.ics". Wagtail's page URLs
# cannot contain a dot, so the site's URLconf routes this pattern here, before Wagtail's own.
EVENT_ICS_URL_PATTERN = r"^(?P<page_path>(?:[\w\-]+/)+)event\.ics$"


def event_ics_view(request, page_path):
    """Serve the .ics file of the live, public event at `page_path` on this request's site."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site")
    event = EventPage.objects.live().public().filter(url_path=f"{site.root_page.url_path}{page_path}").first()
    if event is None:
        raise Http404("No such event")
    return event_ics_response(event, request)
