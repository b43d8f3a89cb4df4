"""The networks' section of sitemap.xml: the pages of networks in the public directory."""

from source4networks.sitemaps import SiteSitemap

from .models import Network


class NetworksSitemap(SiteSitemap):
    name = "networks"

    def items(self):
        return Network.objects.listed().order_by("slug")

    def lastmod(self, network):
        return network.updated_at
