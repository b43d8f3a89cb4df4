"""The discussions' section of sitemap.xml: the spaces anyone may read (open spaces)."""

from django.contrib.auth.models import AnonymousUser

from source4networks.sitemaps import SiteSitemap

from .rules import readable_spaces


class OpenSpacesSitemap(SiteSitemap):
    name = "spaces"

    def items(self):
        return readable_spaces(AnonymousUser()).order_by("slug")
