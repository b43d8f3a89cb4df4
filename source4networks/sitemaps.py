"""sitemap.xml: an index of sections, each a sitemap of its own, split into pages of at most
`LIMIT` addresses: Wagtail's live public pages, then the sections other apps register in
`sitemap_sections` from their AppConfig.ready() (network pages, open discussion spaces).

One sitemap of every page built every page object (9 s at 20,000 pages, past gunicorn's
timeout at national scale); split, each request does a bounded amount of work, and the page
cache holds the result for visitors until the next publish (docs/caching.md).

Every address starts with SITE_URL: the pages' through Wagtail's Site record, which is kept in
step with SITE_URL (site_address.py), the index's and the other sections' through SiteSitemap.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.contrib.sitemaps.views import prepare_sitemaps

from source4networks.registry import Registry

sitemap_sections = Registry()
# Addresses in one sitemap file: small enough that building one page of the sitemap stays
# well inside a request's time (the protocol allows 50,000).
LIMIT = 2000


class SiteSitemap(Sitemap):
    """A section of objects with a `get_absolute_url`, at the site's address whatever
    address the request came in on. Subclasses set `name` (the section's key) and `items`."""

    name = ""
    limit = LIMIT

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class PagesSitemap(WagtailSitemap):
    """Wagtail's live, public pages in tree order. Plain `Page` rows, not each page's own
    model: no page type here changes its sitemap entry (`get_sitemap_urls`), and fetching
    the specific pages would cost a query per type and a wide row per page."""

    limit = LIMIT

    def items(self):
        return (
            self.get_wagtail_site()
            .root_page.get_descendants(inclusive=True)
            .live()
            .public()
            .order_by("path")
            .only("path", "url_path", "depth", "last_published_at", "latest_revision_created_at")
        )


def sections():
    found = {"pages": PagesSitemap}
    for section in sitemap_sections:
        found[section.name] = section
    return found


def index(request):
    """The sitemap index: each section's address, one per page of the section."""
    entries = []
    for name, section in prepare_sitemaps(request, sections()).items():
        if isinstance(section, type):  # Django's sections are classes until used
            section = section()
        location = settings.SITE_URL + reverse("sitemap_section", kwargs={"section": name})
        pages = section.paginator.num_pages
        entries.append(location)
        entries.extend(f"{location}?p={number}" for number in range(2, pages + 1))
    return TemplateResponse(
        request,
        "sitemap_index.xml",
        {"sitemaps": [{"location": entry} for entry in entries]},
        content_type="application/xml",
    )


def section(request, section):
    if section not in sections():
        raise Http404("No such sitemap")
    return sitemap_views.sitemap(request, prepare_sitemaps(request, sections()), section=section)
