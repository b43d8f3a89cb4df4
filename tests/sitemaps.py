"""Read the sitemap as a search engine does: the index, then every sitemap it lists."""

import re
from urllib.parse import urlsplit


def locations(content):
    return re.findall(r"<loc>([^<]+)</loc>", content.decode())


def sitemap_addresses(client):
    """Every address in every sitemap the index at /sitemap.xml lists."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200, index.status_code
    assert b"<sitemapindex" in index.content
    found = []
    for sitemap in locations(index.content):
        parts = urlsplit(sitemap)
        response = client.get(parts.path, {"p": parts.query.removeprefix("p=")} if parts.query else {})
        assert response.status_code == 200, sitemap
        found.extend(locations(response.content))
    return found
