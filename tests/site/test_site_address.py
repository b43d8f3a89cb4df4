"""One site address (SITE_URL): the setting is checked and required in production, Wagtail's
Site record follows it on migrate, and the sitemap, canonical and Open Graph links, feeds,
robots.txt and calendar files all use it, whatever address the request came in on."""

import re
import secrets

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured
from django.core.management.sql import emit_post_migrate_signal
from django.test import SimpleTestCase, TestCase, override_settings
from wagtail.models import Site

from community.discussions.factories import SpaceFactory
from community.discussions.models import SpaceKind
from community.discussions.rules import readable_spaces
from community.networks.factories import NetworkFactory
from events.factories import EventPageFactory
from resources.factories import ResourcePageFactory
from source4networks.factories import home_page
from source4networks.settings.base import site_url
from source4networks.site_address import sync_wagtail_site
from tests.site.test_security import run_python
from tests.site_address import ELSEWHERE, site_at
from tests.sitemaps import locations, sitemap_addresses


class SiteURLSettingTests(SimpleTestCase):
    def test_scheme_and_host_are_kept_and_a_trailing_slash_dropped(self):
        self.assertEqual(site_url("https://s4n.example.org/"), "https://s4n.example.org")
        self.assertEqual(site_url("http://127.0.0.1:8000"), "http://127.0.0.1:8000")

    def test_an_address_wagtail_cannot_hold_is_refused(self):
        for bad in [
            "",
            "s4n.example.org",
            "ftp://s4n.example.org",
            "https://s4n.example.org/networks",
            "https://s4n.example.org?x=1",
            "https://s4n.example.org:8443",
            "http://s4n.example.org:443",
        ]:
            with self.subTest(bad), self.assertRaises(ImproperlyConfigured):
                site_url(bad)

    def test_production_refuses_to_start_without_it(self):
        result = run_python(
            ["-c", "import source4networks.settings.production"],
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="example.org",
        )
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("ImproperlyConfigured", result.stderr)
        self.assertIn("SITE_URL", result.stderr)


class WagtailSiteRecordTests(TestCase):
    def setUp(self):
        # Whatever a test leaves, the record goes back to the test settings' address.
        self.addCleanup(sync_wagtail_site)

    def test_migrate_points_the_site_record_at_site_url(self):
        with override_settings(SITE_URL=ELSEWHERE):
            emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
            site = Site.objects.get(is_default_site=True)
            self.assertEqual((site.hostname, site.port, site.root_url), ("s4n.example.org", 443, ELSEWHERE))
            self.assertEqual(home_page().full_url, f"{ELSEWHERE}/")

    def test_a_port_is_kept(self):
        with override_settings(SITE_URL="http://127.0.0.1:8000"):
            sync_wagtail_site()
            self.assertEqual(Site.objects.get(is_default_site=True).root_url, "http://127.0.0.1:8000")


class AbsoluteLinksTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.resource = ResourcePageFactory(title="Board toolkit")
        cls.event = EventPageFactory(title="Leaders summit")
        cls.network = NetworkFactory(name="Listed network", slug="listed")
        cls.hidden_network = NetworkFactory(name="Hidden network", slug="hidden", hidden=True)
        cls.open_space = SpaceFactory(slug="general", kind=SpaceKind.OPEN)
        cls.members_space = SpaceFactory(slug="lounge", kind=SpaceKind.MEMBERS)
        cls.private_space = SpaceFactory(slug="listed-private", kind=SpaceKind.NETWORK, network=cls.network)
        cls.closed_space = SpaceFactory(slug="old-open", kind=SpaceKind.OPEN, active=False)

    def setUp(self):
        self.enterContext(site_at())

    def test_sitemap_lists_pages_networks_and_open_spaces_at_the_site_address(self):
        index = locations(self.client.get("/sitemap.xml").content)
        self.assertEqual(index, [f"{ELSEWHERE}/sitemap-{section}.xml" for section in ("pages", "networks", "spaces")])
        found = sitemap_addresses(self.client)
        for location in found:
            self.assertTrue(location.startswith(f"{ELSEWHERE}/"), location)
        for path in ["/", self.resource.url, "/resources/", self.network.get_absolute_url()]:
            self.assertIn(f"{ELSEWHERE}{path}", found)
        self.assertIn(f"{ELSEWHERE}{self.open_space.get_absolute_url()}", found)
        for hidden in [self.hidden_network, self.members_space, self.private_space, self.closed_space]:
            self.assertNotIn(f"{ELSEWHERE}{hidden.get_absolute_url()}", found)

    def test_sitemap_lists_exactly_the_spaces_a_visitor_may_read(self):
        found = sitemap_addresses(self.client)
        spaces = {location for location in found if location.startswith(f"{ELSEWHERE}/community/")}
        readable = {f"{ELSEWHERE}{space.get_absolute_url()}" for space in readable_spaces(AnonymousUser())}
        self.assertEqual(spaces, readable)

    def test_canonical_and_open_graph_links_use_the_site_address(self):
        for path in [self.resource.url, "/", self.network.get_absolute_url(), self.open_space.get_absolute_url()]:
            with self.subTest(path):
                html = self.client.get(path).content.decode()
                canonical = re.findall(r'<link rel="canonical" href="([^"]+)"', html)
                self.assertEqual(canonical, [f"{ELSEWHERE}{path}"])
                self.assertIn(f'<meta property="og:url" content="{ELSEWHERE}{path}">', html)

    def test_open_graph_image_uses_the_site_address(self):
        html = self.client.get(self.resource.url).content.decode()
        image = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
        self.assertTrue(image.startswith(f"{ELSEWHERE}/static/"), image)

    def test_feed_links_use_the_site_address(self):
        feed = self.client.get("/resources/feed/").content.decode()
        links = re.findall(r"<link>([^<]+)</link>", feed) + re.findall(r"<guid[^>]*>([^<]+)</guid>", feed)
        links += re.findall(r'<atom:link href="([^"]+)"', feed)
        self.assertIn(f"{ELSEWHERE}{self.resource.url}", links)
        self.assertIn(f"{ELSEWHERE}/resources/feed/", links)
        for link in links:
            self.assertTrue(link.startswith(f"{ELSEWHERE}/"), link)

    def test_robots_txt_points_at_the_sitemap_at_the_site_address(self):
        self.assertIn(f"Sitemap: {ELSEWHERE}/sitemap.xml", self.client.get("/robots.txt").content.decode())

    def test_calendar_file_links_to_the_event_at_the_site_address(self):
        calendar = self.client.get(f"{self.event.url}event.ics").content.decode().replace("\r\n ", "")
        self.assertIn(f"{ELSEWHERE}{self.event.url}", calendar)
        self.assertNotIn("testserver", calendar)
