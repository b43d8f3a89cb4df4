"""Run a test with the site at another address, as a deployment would: SITE_URL and
WAGTAILADMIN_BASE_URL (which the settings take from it) overridden, and Wagtail's Site record
moved to it as `manage.py migrate` does."""

from contextlib import contextmanager

from django.test import override_settings

from source4networks.site_address import sync_wagtail_site

ELSEWHERE = "https://s4n.example.org"


@contextmanager
def site_at(url=ELSEWHERE):
    with override_settings(SITE_URL=url, WAGTAILADMIN_BASE_URL=url):
        sync_wagtail_site()
        yield url
    # Back to the test settings' address; saving the Site also clears Wagtail's cached site
    # root paths, which the rollback at the end of the test would not.
    sync_wagtail_site()
