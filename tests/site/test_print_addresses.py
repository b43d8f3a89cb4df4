"""Printed pages show links' full addresses: every page links a print stylesheet, made with the
site's address, that writes it before a link's path (CSS alone would print a bare /path/)."""

from django.test import TestCase, override_settings

from community.discussions.factories import SpaceFactory, make_thread
from community.members.factories import make_member
from resources.factories import ResourcePageFactory

from .library.helpers import soup


@override_settings(SITE_URL="https://networks.example.org")
class PrintAddressTests(TestCase):
    def test_the_print_stylesheet_writes_the_site_address_before_paths(self):
        response = self.client.get("/print.css")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/css")
        css = response.content.decode()
        self.assertIn('a[href^="/"]::after { content: " (Link: " "https://networks.example.org" attr(href) ")";', css)
        self.assertIn("@media print", css)

    @override_settings(SITE_URL='https://odd.example.org/"}body{display:none')
    def test_an_odd_address_stays_inside_its_string(self):
        css = self.client.get("/print.css").content.decode()
        self.assertIn('"https://odd.example.org/\\"}body{display:none"', css)

    def test_library_and_thread_pages_use_it_for_print(self):
        member = make_member(username="print-member")
        thread = make_thread(SpaceFactory(name="General", slug="general"), member, title="Printing", replies=1)
        resource = ResourcePageFactory(title="A printable guide")
        self.client.force_login(member)
        for url in ["/resources/", resource.url, "/case-studies/", "/events/", thread.get_absolute_url()]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertIsNotNone(
                    soup(response).select_one('link[rel="stylesheet"][media="print"][href="/print.css"]')
                )
