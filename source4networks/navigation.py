"""The header's sections and the footer's links."""

from wagtail.models import Site

from .models import StandardPage

# The site's main sections, in the order the header shows them. The URLs are the stable
# addresses of the site map, so the header does not depend on the page tree.
SECTIONS = [
    ("Resources", "/resources/"),
    ("Case studies", "/case-studies/"),
    ("Events", "/events/"),
    ("Diagnostics", "/diagnostics/"),
    ("Networks", "/networks/"),
    ("Community", "/community/"),
]


def primary_navigation(path):
    return [{"text": text, "href": href, "current": path.startswith(href)} for text, href in SECTIONS]


def footer_links(request):
    """Standard pages directly under the home page that editors marked "Show in menus"."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    pages = StandardPage.objects.child_of(site.root_page).live().public().in_menu().order_by("path")
    return [{"text": page.title, "href": page.get_url(request)} for page in pages]
