"""What the home page shows besides its own fields.

The sections of the site contribute from their AppConfig.ready(), so this module imports none
of them: `featured_fallbacks` give the pages shown when editors chose none, and
`home_context` adds what a section shows on its own (upcoming events, latest discussions)."""

from django.urls import reverse_lazy
from wagtail.models import Page

from .registry import Registry

# The cards under "What you can do here": (title, address, description). The library sections
# are page-tree addresses (no URL name); the others are URL names.
HOME_SECTIONS = [
    ("Resources", "/resources/", "Evidence, toolkits and guides about leading networks."),
    ("Case studies", "/case-studies/", "How networks in many sectors made a difference."),
    ("Diagnostics", reverse_lazy("diagnostics:index"), "Assess your network and discuss the results together."),
    ("Networks", reverse_lazy("community:network_directory"), "Find other networks to learn from and contact them."),
    ("Community", reverse_lazy("community:community_home"), "Join discussions with network leaders and members."),
    ("Events", "/events/", "Events and webinars for network leaders and members."),
]

# Functions () -> a few live, public pages, best first; shown in registration order when no
# featured items are chosen.
featured_fallbacks = Registry()
# Functions (request) -> a dict added to the home page's context.
home_context = Registry()


def home_page_context(home, request):
    chosen_ids = [item.page_id for item in home.featured_items.all()]
    chosen = {page.pk: page for page in Page.objects.live().public().filter(pk__in=chosen_ids).specific()}
    featured = [chosen[pk] for pk in chosen_ids if pk in chosen]
    if not featured:
        featured = [page for fallback in featured_fallbacks for page in fallback()]
    context = {
        "featured_items": featured,
        "home_sections": [{"title": t, "href": h, "description": d} for t, h, d in HOME_SECTIONS],
    }
    for contribute in home_context:
        context.update(contribute(request))
    return context
