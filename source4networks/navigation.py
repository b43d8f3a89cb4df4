"""The header's sections and the footer's links."""

from django.urls import reverse_lazy
from wagtail.models import Site

from .models import StandardPage
from .page_cache import cached_until_purge

# The site's main sections, in the order the header shows them. The library sections are the
# stable addresses of their index pages in the page tree (no URL name), so the header does not
# depend on the tree; the others are URL names.
SECTIONS = [
    ("Resources", "/resources/"),
    ("Case studies", "/case-studies/"),
    ("Events", "/events/"),
    ("Diagnostics", reverse_lazy("diagnostics:index")),
    ("Networks", reverse_lazy("community:network_directory")),
    ("Community", reverse_lazy("community:community_home")),
]


def primary_navigation(path):
    return [{"text": text, "href": str(href), "current": path.startswith(str(href))} for text, href in SECTIONS]


def footer_links(request):
    """Standard pages directly under the home page that editors marked "Show in menus". Every
    page shows them, so they are kept until the next publish."""
    site = Site.find_for_request(request)
    if site is None:
        return []

    def links():
        pages = StandardPage.objects.child_of(site.root_page).live().public().in_menu().order_by("path")
        return [{"text": page.title, "href": page.get_url(request)} for page in pages]

    return cached_until_purge(f"footer-links:{site.pk}", links)
