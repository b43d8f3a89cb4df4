from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .navigation import footer_links, primary_navigation


def site_chrome(request):
    """Header navigation and footer links for every page, and the site's address for
    absolute links (canonical, Open Graph). Footer links are looked up only when a template
    uses them."""
    return {
        "site_url": settings.SITE_URL,
        "primary_navigation": primary_navigation(request.path),
        "footer_links": SimpleLazyObject(lambda: footer_links(request)),
    }
