"""The 403, 405 and 500 pages are the site's own, in its layout (issue 9 point 8): a member
opening a leader's page, anyone opening a button's address from a link, a form refused for its
security token, and a failure of the site (the database down gets a 503). The 500 page needs neither the
database nor the request. (The 403 and 405 pages are in the page catalogue too, so the validity
and accessibility checks cover them.)"""

import base64
import hashlib

from bs4 import BeautifulSoup
from django.test import Client, RequestFactory, SimpleTestCase, TestCase, override_settings
from django.urls import reverse
from django.views.defaults import server_error

from community.members.factories import make_member
from community.members.models import SavedItem
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Membership
from diagnostics.factories import NetworkRoundFactory
from resources.factories import ResourcePageFactory
from tests.quality.vnu import validity_problems


def outline(content):
    """(title, h1, whether the site's header and footer are there) of a page."""
    page = BeautifulSoup(content, "html.parser")
    return (
        " ".join(page.title.get_text().split()),
        page.h1.get_text(strip=True),
        bool(page.select_one("header.nhsuk-header .nhsuk-header__logo")) and bool(page.select_one("footer")),
    )


@override_settings(ROOT_URLCONF="tests.site.urls_errors")
class ForbiddenPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.network = NetworkFactory(name="Fenland Stroke Network")
        cls.leader, cls.member, cls.outsider = make_member(), make_member(), make_member()
        add_member(cls.network, cls.leader, role=Membership.Role.LEADER)
        add_member(cls.network, cls.member)
        cls.round = NetworkRoundFactory(network=cls.network, opened_by=cls.leader)

    def leaders_pages(self):
        slug = self.network.slug
        return [
            reverse("diagnostics:round_list", args=[slug]),
            reverse("diagnostics:round_detail", args=[slug, self.round.pk]),
            reverse("diagnostics:round_new", args=[slug]),
            reverse("community:network_edit", args=[slug]),
        ]

    def test_a_member_opening_a_leaders_page_gets_the_sites_403_page(self):
        for user in (self.member, self.outsider):
            self.client.force_login(user)
            for url in self.leaders_pages():
                with self.subTest(user=user.username, url=url):
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 403)
                    self.assertTemplateUsed(response, "403.html")
                    self.assertEqual(
                        outline(response.content),
                        ("You cannot see this page – Source4Networks", "You cannot see this page", True),
                    )
                    self.assertContains(response, "leaders can", status_code=403)
                    self.assertContains(
                        response, f'<a href="{reverse("community:account")}">My account</a>', html=True, status_code=403
                    )
                    # The page's inline script runs under the site's content security policy.
                    script = BeautifulSoup(response.content, "html.parser").find("script", src=False)
                    digest = base64.b64encode(hashlib.sha256(script.string.encode()).digest()).decode()
                    self.assertIn(f"'sha256-{digest}'", response["Content-Security-Policy"])

    def test_the_leader_still_gets_their_pages(self):
        self.client.force_login(self.leader)
        for url in self.leaders_pages():
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_a_visitor_is_offered_to_sign_in_and_come_back(self):
        response = self.client.get("/test-forbidden/")
        self.assertEqual(response.status_code, 403)
        self.assertEqual(outline(response.content)[1:], ("You cannot see this page", True))
        self.assertContains(response, "You do not have permission to see this page.", status_code=403)
        self.assertContains(
            response,
            f'<a href="{reverse("account_login")}?next=/test-forbidden/">sign in</a>',
            html=True,
            status_code=403,
        )


@override_settings(ROOT_URLCONF="tests.site.urls_errors")
class MethodNotAllowedPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.member = make_member()
        cls.network = NetworkFactory()
        cls.resource = ResourcePageFactory()

    def test_opening_a_buttons_address_gets_the_sites_405_page(self):
        urls = [
            reverse("community:toggle_saved", args=[self.resource.pk]),
            reverse("community:network_join", args=[self.network.slug]),
        ]
        for user in (None, self.member):
            if user:
                self.client.force_login(user)
            for url in urls:
                with self.subTest(user=user, url=url):
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 405)
                    self.assertEqual(response["Allow"], "POST")
                    self.assertTemplateUsed(response, "405.html")
                    title, h1, layout = outline(response.content)
                    self.assertEqual((h1, layout), ("You cannot go to this page directly", True))
                    self.assertContains(response, "use the button there", status_code=405)
        # The buttons themselves still work.
        self.client.post(reverse("community:toggle_saved", args=[self.resource.pk]), {"next": "/"})
        self.assertTrue(SavedItem.objects.filter(user=self.member, page=self.resource).exists())

    def test_the_admin_keeps_djangos_answer(self):
        response = self.client.get("/admin/test-post-only/")
        self.assertEqual(response.status_code, 405)
        self.assertEqual(response.content, b"")


class ServerErrorPageTests(SimpleTestCase):
    """SimpleTestCase refuses every database query: the page must not make one."""

    def test_the_500_page_needs_neither_the_database_nor_the_request(self):
        response = server_error(RequestFactory().get("/"))
        self.assertEqual(response.status_code, 500)
        content = response.content.decode()
        self.assertEqual(
            outline(content),
            (
                "Sorry, there is a problem with the service – Source4Networks",
                "Sorry, there is a problem with the service",
                True,
            ),
        )
        self.assertIn("dist/main.css", content)
        self.assertIn('<a href="/">Go to the home page</a>', content)


@override_settings(ROOT_URLCONF="tests.site.urls_errors")
class DatabaseFailureTests(TestCase):
    def test_a_database_failure_gets_the_styled_503_page(self):
        # A database outage is the 503 page (tests/site/test_faults_database.py has the rest).
        client = Client(raise_request_exception=False)
        with self.assertLogs("source4networks.unavailable", level="ERROR"):
            response = client.get("/test-database-down/")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(outline(response.content)[1:], ("Sorry, the service is unavailable", True))
        self.assertNotIn(b"could not connect", response.content)


class SecurityTokenFailureTests(TestCase):
    def test_a_form_refused_for_its_token_gets_the_sites_page_and_nothing_is_saved(self):
        member, resource = make_member(), ResourcePageFactory()
        client = Client(enforce_csrf_checks=True)
        client.force_login(member)
        with self.assertLogs("django.security.csrf", level="WARNING"):
            response = client.post(reverse("community:toggle_saved", args=[resource.pk]), {"next": "/"})
        self.assertEqual(response.status_code, 403)
        self.assertTemplateUsed(response, "403_csrf.html")
        self.assertEqual(outline(response.content)[1:], ("Sorry, we could not save what you sent", True))
        self.assertFalse(SavedItem.objects.exists())


class ErrorPagesAreValidHtmlTests(TestCase):
    """The pages the catalogue cannot reach (it visits the site's own addresses only)."""

    def test_the_500_and_security_token_pages_are_valid_html(self):
        client = Client(enforce_csrf_checks=True)
        with self.assertLogs("django.security.csrf", level="WARNING"):
            refused = client.post(reverse("community:toggle_saved", args=[ResourcePageFactory().pk]))
        pages = {"500": server_error(RequestFactory().get("/")).content, "403 security token": refused.content}
        self.assertEqual(validity_problems(pages), [])
