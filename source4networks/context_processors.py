from django.utils.functional import SimpleLazyObject

from .navigation import footer_links, primary_navigation


def site_chrome(request):
    """Header navigation and footer links for every page. Footer links are looked up only
    when a template uses them."""
    return {
        "primary_navigation": primary_navigation(request.path),
        "footer_links": SimpleLazyObject(lambda: footer_links(request)),
    }
