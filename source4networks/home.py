"""What the home page shows besides its own fields."""

from django.utils import timezone
from wagtail.models import Page

HOME_SECTIONS = [
    {"title": "Resources", "href": "/resources/", "description": "Evidence, toolkits and guides about leading networks."},
    {"title": "Case studies", "href": "/case-studies/", "description": "How networks in many sectors made a difference."},
    {"title": "Diagnostics", "href": "/diagnostics/", "description": "Assess your network and discuss the results together."},
    {"title": "Networks", "href": "/networks/", "description": "Find other networks to learn from and contact them."},
    {"title": "Community", "href": "/community/", "description": "Join discussions with network leaders and members."},
    {"title": "Events", "href": "/events/", "description": "Events and webinars for network leaders and members."},
]


def home_context(home, request):
    from casestudies.models import CaseStudyPage
    from resources.models import EventPage, ResourcePage

    chosen_ids = [item.page_id for item in home.featured_items.all()]
    chosen = {page.pk: page for page in Page.objects.live().public().filter(pk__in=chosen_ids).specific()}
    featured = [chosen[pk] for pk in chosen_ids if pk in chosen]
    if not featured:
        featured = list(ResourcePage.objects.live().public().order_by("-first_published_at")[:3]) + list(
            CaseStudyPage.objects.live().public().order_by("-first_published_at")[:3]
        )
    upcoming_events = EventPage.objects.live().public().filter(end__gte=timezone.now()).order_by("start")[:3]
    return {"featured_items": featured, "upcoming_events": upcoming_events, "home_sections": HOME_SECTIONS}
