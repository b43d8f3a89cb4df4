"""The site's one address, SITE_URL: `absolute_url` for links outside a page (emails,
feeds, calendar files), and Wagtail's Site record kept in step with it, so page
addresses (`page.full_url`, the canonical link, the sitemap's pages, "View live" in the
admin) use it too. Runs after every `manage.py migrate` (AppConfig.ready() connects it to
post_migrate), so a deployment that changes SITE_URL and migrates keeps them in step."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def absolute_url(path):
    """The address of `path` (an absolute path such as reverse() gives) on the site: every
    link in an email, feed or calendar file starts with SITE_URL."""
    return f"{settings.SITE_URL}{path}"


def site_hostname_and_port(site_url):
    parts = urlsplit(site_url)
    return parts.hostname, parts.port or DEFAULT_PORTS[parts.scheme]


def sync_wagtail_site(using="default", **kwargs):
    """Point the default Wagtail Site at SITE_URL's host and port. Does nothing before the
    site setup has made the Site."""
    hostname, port = site_hostname_and_port(settings.SITE_URL)
    site = Site.objects.using(using).filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return
    site.hostname, site.port = hostname, port
    # save() (not update()) so Wagtail clears its cached site root paths.
    site.save(update_fields=["hostname", "port"])
