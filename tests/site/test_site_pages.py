"""Site-wide pages: health check, robots.txt, sitemap, home page, standard pages, header
and footer, and the styled 404 and 500 pages."""

from datetime import timedelta
from unittest import mock

from django.core.files.base import ContentFile
from django.db import OperationalError
from django.test import Client, TestCase, override_settings
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from casestudies.factories import CaseStudyPageFactory
from community.members.factories import make_member
from events.factories import EventPageFactory
from resources.factories import ResourcePageFactory
from source4networks.factories import StandardPageFactory, home_page, make_image
from source4networks.models import HomePageFeaturedItem
from source4networks.navigation import SECTIONS, primary_navigation
from source4networks.sitemaps import PagesSitemap
from tests.queries import assert_same_query_count, count_queries
from tests.sitemaps import locations, sitemap_addresses


class HealthCheckTests(TestCase):
    def test_ok_when_the_database_answers(self):
        response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"status": "ok", "database": "ok"})
        self.assertIn("no-cache", response["Cache-Control"])

    def test_503_when_the_database_fails(self):
        failing = mock.MagicMock()
        failing.cursor.side_effect = OperationalError("could not connect to server")
        with mock.patch("source4networks.views.connection", failing):
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json()["database"], "unavailable")

    def test_503_when_the_query_fails(self):
        failing = mock.MagicMock()
        failing.cursor.return_value.__enter__.return_value.execute.side_effect = OperationalError("server closed")
        with mock.patch("source4networks.views.connection", failing):
            self.assertEqual(self.client.get("/healthz").status_code, 503)


class RobotsTests(TestCase):
    def test_robots_txt(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/plain")
        lines = response.content.decode().splitlines()
        self.assertEqual(lines[0], "User-agent: *")
        for private in ["/admin/", "/accounts/", "/account/", "/search/"]:
            self.assertIn(f"Disallow: {private}", lines)
        self.assertIn("Sitemap: http://testserver/sitemap.xml", lines)
        self.assertNotIn("Disallow: /", lines)  # the public site stays open to search engines

    def test_there_is_no_django_admin(self):
        """Nothing is managed in Django's own admin (the Wagtail admin is the one admin), so
        it is not installed and its old address is not found."""
        self.assertEqual(self.client.get("/django-admin/").status_code, 404)


class SitemapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.resource = ResourcePageFactory(title="Published resource")
        cls.case_study = CaseStudyPageFactory(title="Published case study")
        cls.event = EventPageFactory(title="Published event")
        cls.about = StandardPageFactory(title="About", parent=home_page())
        cls.draft = ResourcePageFactory(title="Draft resource", live=False, first_published_at=None)
        cls.withdrawn = ResourcePageFactory(title="Withdrawn resource")
        cls.withdrawn.unpublish()
        cls.private = StandardPageFactory(title="Private page", parent=home_page())
        PageViewRestriction.objects.create(page=cls.private, restriction_type=PageViewRestriction.LOGIN)

    def test_lists_published_pages_only(self):
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        self.assertIn("xml", response["Content-Type"])
        paths = {loc.removeprefix("http://testserver") for loc in sitemap_addresses(self.client)}
        for page in [home_page(), self.resource, self.case_study, self.event, self.about]:
            self.assertIn(page.url, paths)
        for path in ["/resources/", "/case-studies/", "/events/"]:
            self.assertIn(path, paths)
        for page in [self.draft, self.withdrawn, self.private]:
            self.assertNotIn(page.url_path.removeprefix("/home"), paths, page.title)
        self.assertNotIn("Draft", self.client.get("/sitemap-pages.xml").content.decode())

    def test_each_page_has_its_last_publication_date(self):
        content = self.client.get("/sitemap-pages.xml").content.decode()
        entry = content.split(f"<loc>http://testserver{self.resource.url}</loc>")[1].split("</url>")[0]
        self.assertIn(f"<lastmod>{self.resource.last_published_at:%Y-%m-%d}</lastmod>", entry)

    def test_a_long_section_is_split_into_sitemaps_the_index_lists(self):
        with mock.patch.object(PagesSitemap, "limit", 3):
            index = locations(self.client.get("/sitemap.xml").content)
            pages = [location for location in index if "/sitemap-pages.xml" in location]
            everything = sitemap_addresses(self.client)
        self.assertEqual(
            pages,
            ["http://testserver/sitemap-pages.xml"] + [f"http://testserver/sitemap-pages.xml?p={n}" for n in (2, 3)],
        )
        self.assertEqual(len(everything), len(set(everything)))  # each page once, in one sitemap
        self.assertEqual(everything, sitemap_addresses(self.client))
        self.assertIn(f"http://testserver{self.about.url}", everything)

    def test_unknown_sections_and_pages_past_the_end_are_not_found(self):
        self.assertEqual(self.client.get("/sitemap-nothing.xml").status_code, 404)
        self.assertEqual(self.client.get("/sitemap-pages.xml", {"p": 99}).status_code, 404)
        self.assertEqual(self.client.get("/sitemap-pages.xml", {"p": "x"}).status_code, 404)

    def test_a_sitemap_needs_the_same_queries_for_few_or_many_pages(self):
        before = [count_queries(self.client, url) for url in ("/sitemap.xml", "/sitemap-pages.xml")]
        for n in range(50):
            ResourcePageFactory(title=f"Another resource {n}")
        after = [count_queries(self.client, url) for url in ("/sitemap.xml", "/sitemap-pages.xml")]
        for few, many in zip(before, after, strict=True):
            assert_same_query_count(few, many)
        self.assertEqual(len(locations(after[1].response.content)), len(locations(before[1].response.content)) + 50)


class HomePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        now = timezone.now()
        cls.old_resource = ResourcePageFactory(title="Older resource", first_published_at=now - timedelta(days=30))
        cls.new_resources = [
            ResourcePageFactory(title=f"Newer resource {n}", first_published_at=now - timedelta(days=n))
            for n in range(3)
        ]
        cls.case_study = CaseStudyPageFactory(title="Newest case study")
        cls.next_event = EventPageFactory(title="Next event", start=now + timedelta(days=2))
        cls.later_event = EventPageFactory(title="Later event", start=now + timedelta(days=20))
        cls.past_event = EventPageFactory(title="Past event", start=now - timedelta(days=5))
        cls.about = StandardPageFactory(title="About Source4Networks", parent=cls.home)
        cls.privacy = StandardPageFactory(title="Privacy notice", parent=cls.home)
        StandardPageFactory(title="Hidden from menus", parent=cls.home, show_in_menus=False)
        StandardPageFactory(title="Nested page", parent=cls.about)
        StandardPageFactory(title="Draft footer page", parent=cls.home, live=False, first_published_at=None)

    def featured_titles(self, response):
        return [item.title for item in response.context["featured_items"]]

    def test_falls_back_to_the_newest(self):
        response = self.client.get("/")
        self.assertEqual(response.status_code, 200)
        titles = self.featured_titles(response)
        self.assertEqual(titles[:3], ["Newer resource 0", "Newer resource 1", "Newer resource 2"])
        self.assertIn("Newest case study", titles)
        self.assertNotIn("Older resource", titles)
        self.assertContains(response, f'href="{self.new_resources[0].url}"')

    def test_shows_the_items_editors_chose_in_their_order(self):
        HomePageFeaturedItem.objects.create(home_page=self.home, page=self.case_study, sort_order=0)
        HomePageFeaturedItem.objects.create(home_page=self.home, page=self.old_resource, sort_order=1)
        response = self.client.get("/")
        self.assertEqual(self.featured_titles(response), ["Newest case study", "Older resource"])
        self.assertContains(response, "Older resource")
        self.assertNotContains(response, "Newer resource 1")

    def test_chosen_items_that_are_unpublished_are_left_out(self):
        HomePageFeaturedItem.objects.create(home_page=self.home, page=self.old_resource, sort_order=0)
        HomePageFeaturedItem.objects.create(home_page=self.home, page=self.case_study, sort_order=1)
        self.old_resource.unpublish()
        response = self.client.get("/")
        self.assertEqual(self.featured_titles(response), ["Newest case study"])

    def test_upcoming_events_soonest_first(self):
        response = self.client.get("/")
        self.assertEqual([event.title for event in response.context["upcoming_events"]], ["Next event", "Later event"])
        self.assertContains(response, f'href="{self.next_event.url}"')
        self.assertNotContains(response, "Past event")

    def test_header_navigation(self):
        response = self.client.get("/")
        self.assertContains(response, 'class="nhsuk-header__navigation-list"')
        for text, href in SECTIONS:
            self.assertContains(response, f'href="{href}"')
            self.assertContains(response, text)
        self.assertContains(response, 'action="/search/"')
        # The home page is in no section; a section's pages mark it as current.
        self.assertNotContains(response, 'aria-current="true"')
        current = [item["text"] for item in primary_navigation("/resources/some-resource/") if item["current"]]
        self.assertEqual(current, ["Resources"])

    def test_footer_links_to_standard_pages_in_menus(self):
        response = self.client.get("/")
        footer = response.content.decode().split('<footer class="nhsuk-footer"', 1)[1]
        self.assertIn(f'href="{self.about.url}">About Source4Networks</a>', footer)
        self.assertIn(f'href="{self.privacy.url}">Privacy notice</a>', footer)
        for hidden in ["Hidden from menus", "Nested page", "Draft footer page"]:
            self.assertNotIn(hidden, footer)

    def test_one_h1_and_a_title(self):
        response = self.client.get("/")
        self.assertEqual(response.content.decode().count("<h1"), 1)
        self.assertContains(response, "<title>Home – Source4Networks</title>", html=True)


ABOUT_TEXT = "<p>We are the <b>networks team</b>.</p><ul><li>Evidence</li><li>Case studies</li></ul>"


class StandardPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        image = make_image("Network map")
        document = get_document_model()(title="Board terms of reference")
        document.file.save("terms.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
        document.save()
        cls.image = image
        cls.document = document
        cls.page = StandardPageFactory(
            title="About Source4Networks",
            parent=home_page(),
            summary="What the platform is for.",
            body=[
                ("heading", {"text": "Who we are", "level": "h2"}),
                ("rich_text", RichText(ABOUT_TEXT)),
                ("quote", {"text": "Networks thrive on trust.", "attribution": "A network leader"}),
                ("inset_text", {"text": RichText("<p>Everything here is free to use.</p>")}),
                ("image", {"image": image, "alt_text": "A map of networks across England", "caption": "Our networks"}),
                ("document", {"document": document, "title": ""}),
            ],
        )

    def test_renders_title_summary_and_body_blocks(self):
        response = self.client.get(self.page.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<h1>About Source4Networks</h1>", html=True)
        self.assertContains(response, "What the platform is for.")
        self.assertContains(response, "<h2>Who we are</h2>", html=True)
        self.assertContains(response, "<b>networks team</b>", html=True)
        self.assertContains(response, "<li>Case studies</li>", html=True)
        self.assertContains(response, "Networks thrive on trust.")
        self.assertContains(response, "A network leader")
        self.assertContains(response, "Everything here is free to use.")
        self.assertContains(response, 'alt="A map of networks across England"')
        self.assertContains(response, "Our networks")
        self.assertContains(response, self.document.url)
        self.assertContains(response, "Board terms of reference")

    def test_breadcrumbs_and_meta_description(self):
        response = self.client.get(self.page.url)
        self.assertContains(response, 'aria-label="Breadcrumb"')
        self.assertContains(response, '<meta name="description" content="What the platform is for.">', html=True)
        self.assertContains(response, "<title>About Source4Networks – Source4Networks</title>", html=True)


class PagesKeptOutOfSearchEnginesTests(TestCase):
    def test_they_say_noindex_and_still_describe_the_site(self):
        # A page about members says "noindex"; like every page it has a description.
        self.client.force_login(make_member(username="reader"))
        response = self.client.get("/community/members/")
        self.assertContains(response, '<meta name="robots" content="noindex">', html=True)
        self.assertContains(response, '<meta name="description" content="Evidence, case studies,', count=1)


@override_settings(ROOT_URLCONF="tests.site.urls_raising")
class ErrorPageTests(TestCase):
    def test_404_is_the_styled_page(self):
        response = self.client.get("/no-such-page/")
        self.assertEqual(response.status_code, 404)
        self.assertTemplateUsed(response, "404.html")
        self.assertContains(response, "Page not found", status_code=404)
        self.assertContains(response, 'class="nhsuk-header', status_code=404)
        self.assertContains(response, '<a href="/search/">search Source4Networks</a>', status_code=404, html=True)

    def test_404_for_a_draft_page(self):
        draft = StandardPageFactory(title="Not yet", parent=home_page(), live=False, first_published_at=None)
        response = self.client.get(draft.url_path.removeprefix("/home"))
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "Page not found", status_code=404)

    def test_500_is_the_styled_page(self):
        client = Client(raise_request_exception=False)
        with self.assertLogs("django.request", level="ERROR"):
            response = client.get("/test-failure/")
        self.assertEqual(response.status_code, 500)
        content = response.content.decode()
        self.assertIn("Sorry, there is a problem with the service", content)
        self.assertIn('class="nhsuk-header"', content)
        self.assertIn("dist/main.css", content)
        self.assertNotIn("Deliberate failure", content)
