"""Whatever arrives in the address bar, the library answers with a normal page and a clear
message (or a 404 for a page that does not exist), never a server error."""

from django.test import TestCase

from casestudies.factories import CaseStudyPageFactory
from events.factories import EventPageFactory
from resources.factories import ResourcePageFactory
from source4networks.factories import region, sector

from .helpers import error_summary, field_error, inset_messages, page_title, result_titles, soup

LISTINGS = ["/resources/", "/case-studies/", "/events/", "/events/?when=past&"]

WEIRD_QUERIES = [
    "page=0",
    "page=-1",
    "page=abc",
    "page=99999999999999999999999999",
    "page=1e3",
    "page=",
    "page=%00",
    "type=bogus",
    "type=%3Cscript%3Ealert(1)%3C/script%3E",
    "type=%00",
    "topic=..%2F..%2Fetc%2Fpasswd",
    "topic=%00",
    "topic=" + "x" * 5000,
    "topic=a&topic=b",
    "sector=Health",
    "sector=",
    "region=%F0%9F%98%80",
    "network_type=%00",
    "sort=bogus",
    "sort[]=title",
    "when=%00",
    "q=%00",
    "q=%22unbalanced",
    "q=AND",
    "q=NOT",
    "q=OR+OR",
    "q=*",
    "q=(",
    "q=-",
    "q=%27+OR+1%3D1+--",
    "q=%F0%9F%98%80",
    "q=" + "y" * 201,
    "q=+++",
    "q=NEAR(a+b)",
    "q=title%3Afoo",
    "q=%5C",
]


class NeverAServerErrorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        ResourcePageFactory(title="Guide to networks", topics=["Leadership"], sectors=[sector("health")])
        CaseStudyPageFactory(title="A case study", topics=["Leadership"], region=region("london"))
        EventPageFactory(title="An event", topics=["Leadership"])

    def test_weird_queries_give_a_normal_page(self):
        for listing in LISTINGS:
            for query in WEIRD_QUERIES:
                separator = "" if listing.endswith("&") else "?"
                url = f"{listing}{separator}{query}"
                with self.subTest(url=url[:120]):
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 200)
                    self.assertNotContains(response, "<script>alert(1)</script>")
                    self.assertEqual(len(soup(response).find_all("h1")), 1)

    def test_weird_detail_addresses_are_not_found(self):
        for url in [
            "/resources/no-such-page/",
            "/resources/guide-to-networks/nonsense/",
            "/case-studies/%00/",
            "/events/no-such-event/",
            "/events/an-event/not-a-route/",
            "/resources/feed/extra/",
        ]:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)


class MessagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        ResourcePageFactory(title="Guide to networks", topics=["Leadership"])
        ResourcePageFactory(title="Toolkit for leaders", resource_type="toolkit")

    def test_unknown_type_is_ignored_and_explained(self):
        response = self.client.get("/resources/?type=bogus&type=toolkit")
        self.assertEqual(result_titles(response), ["Toolkit for leaders"])
        message = "There is no resource type called “bogus”, so the list is not filtered by it"
        self.assertEqual(error_summary(response), [(message, "#filter-type")])
        self.assertEqual(field_error(response, "filter-type"), f"Error: {message}")
        self.assertTrue(page_title(response).startswith("Error: Resources"))

    def test_unknown_topic_is_ignored_and_explained(self):
        response = self.client.get("/resources/?topic=no-such-topic")
        self.assertEqual(sorted(result_titles(response)), ["Guide to networks", "Toolkit for leaders"])
        self.assertEqual(
            error_summary(response),
            [("There is no topic called “no-such-topic”, so the list is not filtered by it", "#filter-topic")],
        )

    def test_long_unknown_values_are_shortened_in_the_message(self):
        response = self.client.get("/resources/?topic=" + "z" * 500)
        message = error_summary(response)[0][0]
        self.assertLess(len(message), 120)

    def test_unknown_sort_uses_the_default(self):
        response = self.client.get("/resources/?sort=cheapest")
        self.assertEqual(result_titles(response), result_titles(self.client.get("/resources/")))
        self.assertEqual(
            error_summary(response),
            [("“cheapest” is not a choice for sort by, so the default is used", "#filter-sort")],
        )

    def test_over_long_search_is_refused_with_a_message_and_kept(self):
        query = "network " * 26  # 208 characters
        response = self.client.get("/resources/", {"q": query})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(error_summary(response), [("Your search must be 200 characters or fewer", "#filter-q")])
        self.assertEqual(field_error(response, "filter-q"), "Error: Your search must be 200 characters or fewer")
        self.assertEqual(soup(response).select_one("#filter-q")["value"], query)
        # Nothing was searched: the whole library is listed.
        self.assertEqual(len(result_titles(response)), 2)

    def test_search_of_exactly_200_characters_is_fine(self):
        response = self.client.get("/resources/", {"q": "g" * 200})
        self.assertEqual(error_summary(response), [])
        self.assertEqual(result_titles(response), [])

    def test_stray_quotes_in_a_search_are_ignored(self):
        response = self.client.get("/resources/", {"q": '"guide'})
        self.assertEqual(result_titles(response), ["Guide to networks"])

    def test_page_messages_are_not_errors(self):
        response = self.client.get("/resources/?page=5")
        self.assertEqual(error_summary(response), [])
        self.assertIn("There is no page 5, so you are seeing page 1 of 1.", inset_messages(response))
        self.assertFalse(page_title(response).startswith("Error"))

    def test_no_messages_for_good_input(self):
        response = self.client.get("/resources/?type=toolkit&topic=leadership&sort=title&q=guide")
        self.assertEqual(error_summary(response), [])
        self.assertEqual(inset_messages(response), [])
