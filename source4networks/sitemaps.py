"""sitemap.xml: Wagtail's live public pages, then the sections other apps register in
`sitemap_sections` from their AppConfig.ready() (network pages, open discussion spaces).
Every address starts with SITE_URL: the pages' through Wagtail's Site record, which is kept
in step with SITE_URL (site_address.py), the other sections' through SiteSitemap."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import Sitemap as PagesSitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from source4networks.registry import Registry

sitemap_sections = Registry()


class SiteSitemap(Sitemap):
    """A section of objects with a `get_absolute_url`, at the site's address whatever
    address the request came in on. Subclasses set `name` (the section's key) and `items`."""

    name = ""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


def sitemap(request):
    sections = {"pages": PagesSitemap}
    for section in sitemap_sections:
        sections[section.name] = section
    return wagtail_sitemap(request, sections)
