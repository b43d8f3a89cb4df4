"""What the home page shows besides its own fields."""

from django.urls import reverse_lazy
from django.utils import timezone
from wagtail.models import Page

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


def home_context(home, request):
    from casestudies.models import CaseStudyPage
    from resources.models import EventPage, ResourcePage

    chosen_ids = [item.page_id for item in home.featured_items.all()]
    chosen = {page.pk: page for page in Page.objects.live().public().filter(pk__in=chosen_ids).specific()}
    featured = [chosen[pk] for pk in chosen_ids if pk in chosen]
    if not featured:
        # Nothing chosen: resources flagged "featured" come first, then the newest.
        resources = ResourcePage.objects.live().public().order_by("-featured", "-first_published_at")[:3]
        case_studies = CaseStudyPage.objects.live().public().order_by("-first_published_at")[:3]
        featured = [*resources, *case_studies]
    upcoming_events = EventPage.objects.live().public().filter(end__gte=timezone.now()).order_by("start")[:3]
    # Only threads this visitor may read (the discussions' own rule).
    from community.discussion_rules import visible_threads

    latest_threads = visible_threads(request.user).filter(hidden=False).select_related("space")
    return {
        "latest_threads": list(latest_threads.order_by("-last_activity_at")[:3]),
        "featured_items": featured,
        "upcoming_events": upcoming_events,
        "home_sections": [{"title": t, "href": h, "description": d} for t, h, d in HOME_SECTIONS],
    }
