"""The anonymous page cache (source4networks/page_cache.py): what is stored and served again,
what never is, purges on publish and on members' changes, and the Cache-Control that lets a
CDN hold anonymous pages and never a personal one. Off in the other tests (settings/test.py)."""

import base64
import hashlib
import re
from unittest import mock

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import path, reverse
from wagtail.models import PageViewRestriction, Site

from community.members.factories import make_member
from community.networks.factories import NetworkFactory
from resources.factories import ResourcePageFactory
from source4networks.factories import StandardPageFactory, UserFactory
from source4networks.page_cache import cached_until_purge, purge


def form_view(request):
    """A page with a form on an address the cache would otherwise take."""
    token = get_token(request)
    return HttpResponse(f"<form method='post'><input type='hidden' name='csrfmiddlewaretoken' value='{token}'></form>")


def plain_view(request):
    return HttpResponse("<p>Nothing personal</p>")


# For PageCacheFormTests (ROOT_URLCONF): one page with a CSRF token, one without.
urlpatterns = [path("form/", form_view), path("plain/", plain_view)]


def cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


@override_settings(PAGE_CACHE_SECONDS=300, PAGE_CACHE_BROWSER_SECONDS=60)
class PageCacheTestCase(TestCase):
    def setUp(self):
        cache.clear()

    def assertServedFromCache(self, url, first):
        with self.assertNumQueries(0):
            again = self.client.get(url)
        self.assertEqual(again.status_code, 200)
        self.assertEqual(again["X-Page-Cache"], "hit")
        self.assertEqual(again.content, first.content)
        return again

    def assertNotCached(self, response):
        self.assertNotIn("X-Page-Cache", response)
        self.assertFalse({"public", "s-maxage=300"} & cache_control(response), response.get("Cache-Control"))


class AnonymousPagesTests(PageCacheTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.toolkit = ResourcePageFactory(title="Toolkit for network leaders", topics=["Leadership"])
        cls.guide = ResourcePageFactory(title="Guide to evaluation", topics=["Evaluation"])

    def test_a_second_anonymous_visit_makes_no_database_query(self):
        for url in ["/", "/resources/", "/resources/?topic=leadership", self.toolkit.url, "/networks/"]:
            with self.subTest(url=url):
                first = self.client.get(url)
                self.assertEqual(first.status_code, 200)
                self.assertEqual(first["X-Page-Cache"], "miss")
                self.assertServedFromCache(url, first)

    def test_a_cdn_may_hold_an_anonymous_page_and_browsers_check_again_soon(self):
        for response in (self.client.get("/resources/"), self.client.get("/resources/")):
            self.assertEqual(cache_control(response), {"public", "max-age=60", "s-maxage=300"})
            self.assertIn("Cookie", response["Vary"])
            self.assertFalse(response.cookies)

    def test_the_query_string_is_part_of_the_address(self):
        everything = self.client.get("/resources/")
        filtered = self.client.get("/resources/?topic=leadership")
        self.assertEqual(filtered["X-Page-Cache"], "miss")
        self.assertContains(everything, "Guide to evaluation")
        self.assertNotContains(filtered, "Guide to evaluation")
        self.assertContains(filtered, "Toolkit for network leaders")
        self.assertNotContains(self.client.get("/resources/?topic=leadership"), "Guide to evaluation")

    def test_head_is_answered_from_the_cache_too(self):
        self.client.get("/resources/")
        with self.assertNumQueries(0):
            response = self.client.head("/resources/")
        self.assertEqual(response.status_code, 200)

    def test_the_cached_page_has_the_same_strict_policy_and_its_inline_script_matches_the_hash(self):
        first = self.client.get("/")
        hit = self.client.get("/")
        self.assertEqual(hit["X-Page-Cache"], "hit")
        policy = hit["Content-Security-Policy"]
        self.assertEqual(policy, first["Content-Security-Policy"])
        script_src = next(part.split()[1:] for part in policy.split(";") if part.split()[0] == "script-src")
        self.assertNotIn("'unsafe-inline'", script_src)
        self.assertFalse([value for value in script_src if value.startswith("'nonce-")])
        self.assertNotIn("nonce", hit.content.decode())
        inline = re.findall(r"<script>(.*?)</script>", hit.content.decode(), re.DOTALL)
        self.assertEqual(len(inline), 1)
        digest = base64.b64encode(hashlib.sha256(inline[0].encode()).digest()).decode()
        self.assertIn(f"'sha256-{digest}'", script_src)

    def test_a_release_with_new_static_files_does_not_serve_pages_stored_before_it(self):
        # The stored page names the old release's stylesheet, which the new servers do not have.
        with mock.patch("source4networks.page_cache.static_files_version", return_value="release-1"):
            self.client.get("/resources/")
            self.assertEqual(self.client.get("/resources/")["X-Page-Cache"], "hit")
        with mock.patch("source4networks.page_cache.static_files_version", return_value="release-2"):
            self.assertEqual(self.client.get("/resources/")["X-Page-Cache"], "miss")
            self.assertEqual(self.client.get("/resources/")["X-Page-Cache"], "hit")

    def test_not_found_pages_are_not_stored(self):
        self.client.get("/no-such-page/")
        response = self.client.get("/no-such-page/")
        self.assertEqual(response.status_code, 404)
        self.assertNotCached(response)

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_turned_off_nothing_is_stored_or_offered_to_a_cdn(self):
        self.client.get("/resources/")
        response = self.client.get("/resources/")
        self.assertNotCached(response)

    def test_a_visitor_with_a_message_waiting_gets_the_page_made_for_them(self):
        self.client.get("/resources/")
        self.client.cookies["messages"] = "anything"
        response = self.client.get("/resources/")
        self.assertNotEqual(response.get("X-Page-Cache"), "hit")

    def test_pages_are_made_as_usual_when_the_cache_is_down(self):
        down = ("get_many", "get", "add", "set", "incr")
        broken = mock.Mock(**{f"{name}.side_effect": ConnectionError("down") for name in down})
        with mock.patch("source4networks.page_cache.cache", broken):
            first = self.client.get("/resources/")
            second = self.client.get("/resources/")
            purge()
        self.assertEqual((first.status_code, second.status_code), (200, 200))
        self.assertContains(second, "Toolkit for network leaders")
        self.assertNotCached(second)


class PersonalPagesTests(PageCacheTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.member = make_member(username="ada", display_name="Ada Member")
        cls.resource = ResourcePageFactory(title="Toolkit for network leaders")

    def test_a_signed_in_member_never_gets_the_cached_page_and_theirs_is_private(self):
        anonymous = self.client.get("/resources/")
        self.assertNotContains(anonymous, "My account")
        self.client.force_login(self.member)
        for _ in range(2):
            response = self.client.get("/resources/")
            self.assertContains(response, "My account")
            self.assertNotIn("X-Page-Cache", response)
            self.assertEqual(cache_control(response), {"private", "no-cache", "no-store"})
            self.assertIn("Cookie", response["Vary"])
        # And the member's page was not kept for visitors.
        self.client.logout()
        self.assertNotContains(self.client.get("/resources/"), "My account")

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_a_members_page_is_private_with_the_page_cache_off_too(self):
        self.client.force_login(self.member)
        response = self.client.get("/resources/")
        self.assertEqual(cache_control(response), {"private", "no-cache", "no-store"})

    def test_the_sign_in_page_is_never_cached_and_is_private(self):
        first = self.client.get(reverse("account_login"))
        second = self.client.get(reverse("account_login"))
        self.assertContains(second, "csrfmiddlewaretoken")
        self.assertNotEqual(first.content, second.content)  # each has its own token
        self.assertNotIn("X-Page-Cache", second)
        self.assertEqual(cache_control(second), {"private", "no-cache", "no-store"})

    def test_an_editors_draft_view_is_private_and_never_shown_to_visitors(self):
        self.client.get(self.resource.url)
        self.resource.title = "Draft title nobody may see"
        self.resource.save_revision()
        editor = UserFactory(is_superuser=True, is_staff=True)
        self.client.force_login(editor)
        draft = self.client.get(reverse("wagtailadmin_pages:view_draft", args=[self.resource.pk]))
        self.assertContains(draft, "Draft title nobody may see")
        self.assertNotIn("X-Page-Cache", draft)
        self.assertIn("private", cache_control(draft))
        self.client.logout()
        visitor = self.client.get(self.resource.url)
        self.assertNotContains(visitor, "Draft title nobody may see")
        self.assertContains(visitor, "Toolkit for network leaders")

    def test_a_preview_address_is_never_stored(self):
        for _ in range(2):
            response = self.client.get(f"{self.resource.url}?preview=1")
            self.assertEqual(response.status_code, 200)
            self.assertNotIn("X-Page-Cache", response)


@override_settings(ROOT_URLCONF="tests.site.test_page_cache")
class PageCacheFormTests(PageCacheTestCase):
    def test_a_page_with_a_csrf_token_is_never_stored_and_is_private(self):
        first = self.client.get("/form/")
        second = self.client.get("/form/")
        self.assertNotIn("X-Page-Cache", second)
        self.assertEqual(cache_control(second), {"private", "no-cache", "no-store"})
        self.assertNotEqual(first.content, second.content)

    def test_the_same_page_without_a_form_is_stored(self):
        self.client.get("/plain/")
        self.assertEqual(self.client.get("/plain/")["X-Page-Cache"], "hit")


class PurgeTests(PageCacheTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.resource = ResourcePageFactory(title="Toolkit for network leaders", summary="For leaders.", slug="toolkit")
        cls.network = NetworkFactory(name="North Coast Network", slug="north-coast", summary="Networks on the coast.")

    def test_publishing_a_change_shows_on_the_next_visit_to_the_page_and_the_listing(self):
        for url in ("/resources/", self.resource.url):
            self.client.get(url)
            self.assertEqual(self.client.get(url)["X-Page-Cache"], "hit")
        self.resource.title = "Toolkit for every leader"
        self.resource.save_revision().publish()
        for url in ("/resources/", self.resource.url):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response["X-Page-Cache"], "miss")
                self.assertContains(response, "Toolkit for every leader")
                self.assertNotContains(response, "Toolkit for network leaders")

    def test_unpublishing_removes_the_page_and_its_listing_entry_at_once(self):
        url = self.resource.url
        self.client.get("/resources/")
        self.client.get(url)
        self.resource.unpublish()
        self.assertEqual(self.client.get(url).status_code, 404)
        self.assertNotContains(self.client.get("/resources/"), "Toolkit for network leaders")

    def test_saving_a_draft_keeps_the_cache(self):
        self.client.get("/resources/")
        self.resource.title = "Not published yet"
        self.resource.save_revision()
        response = self.client.get("/resources/")
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertNotContains(response, "Not published yet")

    def test_making_a_page_private_takes_it_out_of_the_cache_at_once(self):
        url = self.resource.url
        self.client.get(url)
        self.assertEqual(self.client.get(url)["X-Page-Cache"], "hit")
        PageViewRestriction.objects.create(page=self.resource, restriction_type=PageViewRestriction.LOGIN)
        response = self.client.get(url)
        self.assertEqual(response.status_code, 302)
        self.assertIn(f"next={url}", response["Location"])

    def test_a_network_edit_shows_in_the_directory_and_on_its_page(self):
        network_url = reverse("community:network_detail", args=[self.network.slug])
        for url in ("/networks/", network_url):
            self.client.get(url)
            self.assertEqual(self.client.get(url)["X-Page-Cache"], "hit")
        self.network.name = "South Coast Network"
        self.network.save()
        for url in ("/networks/", network_url):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertContains(response, "South Coast Network")
                self.assertNotContains(response, "North Coast Network")

    def test_a_new_network_shows_in_the_directory(self):
        self.client.get("/networks/")
        NetworkFactory(name="Brand New Network")
        self.assertContains(self.client.get("/networks/"), "Brand New Network")


class CachedPartsTests(PageCacheTestCase):
    """Parts of pages kept until the next purge (`cached_until_purge`), personal pages included:
    the footer's links on every page."""

    @classmethod
    def setUpTestData(cls):
        cls.member = make_member(username="ada", display_name="Ada Member")
        home = Site.objects.get().root_page
        cls.about = StandardPageFactory(title="About this site", parent=home, show_in_menus=True)

    def setUp(self):
        super().setUp()
        self.client.force_login(self.member)  # a page the page cache never keeps

    def footer_queries(self):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get("/community/")
        self.assertContains(response, "About this site")
        return [query["sql"] for query in queries if "source4networks_standardpage" in query["sql"]]

    def test_the_footer_is_looked_up_once_until_the_next_publish(self):
        self.assertTrue(self.footer_queries())
        self.assertEqual(self.footer_queries(), [])
        self.about.title = "About Source4Networks"
        self.about.save_revision().publish()
        response = self.client.get("/community/")
        self.assertContains(response, "About Source4Networks")
        self.assertNotContains(response, "About this site")

    def test_made_afresh_each_time_when_the_cache_is_down(self):
        broken = mock.Mock(**{f"{name}.side_effect": ConnectionError("down") for name in ("get", "add", "set")})
        with mock.patch("source4networks.page_cache.cache", broken):
            self.assertEqual(cached_until_purge("answer", lambda: 42), 42)
            self.assertTrue(self.footer_queries())
            self.assertTrue(self.footer_queries())

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_off_with_the_page_cache(self):
        self.assertTrue(self.footer_queries())
        self.assertTrue(self.footer_queries())
