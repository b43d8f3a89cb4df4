"""Site search at /search/: results across types, counts, the type filter, paging, what is
never found, clear messages for bad queries, and a query count that does not grow."""

import itertools
import random

from django.test import SimpleTestCase, TestCase
from wagtail.models import PageViewRestriction

from casestudies.factories import CaseStudyPageFactory
from events.factories import EventPageFactory
from resources.factories import ResourcePageFactory
from source4networks.factories import StandardPageFactory, home_page
from source4networks.models import StandardPage
from source4networks.search import InterleavedResults, SearchType, registered_search_types, site_search
from tests.queries import assert_same_query_count, count_queries

SEARCH_URL = "/search/"


def counts(response):
    return {item["key"]: item["count"] for item in response.context["type_filters"]}


def result_titles(response):
    return [hit.title for hit in response.context["results"]]


class SearchAcrossTypesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.resources = [ResourcePageFactory(title=f"Lighthouse toolkit {n}") for n in range(3)]
        cls.case_studies = [
            CaseStudyPageFactory(title=f"Coastal network {n}", summary="How a lighthouse network shared learning.")
            for n in range(2)
        ]
        cls.event = EventPageFactory(title="Lighthouse leaders webinar")
        cls.standard = StandardPageFactory(title="About the lighthouse programme", parent=home_page())
        ResourcePageFactory(title="Unrelated guide", summary="Nothing to see.")

        # Never found: a draft never published, a page taken down, a private page, and
        # the unpublished draft of a live page.
        ResourcePageFactory(title="Lighthouse draft resource", live=False, first_published_at=None)
        withdrawn = ResourcePageFactory(title="Lighthouse withdrawn resource")
        withdrawn.unpublish()
        private = StandardPageFactory(title="Lighthouse private page", parent=home_page())
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
        # A discussion thread in an open space; one in a members-only space is not found signed out.
        from community.discussions.factories import SpaceFactory, make_thread
        from community.members.factories import make_member

        poster = make_member(username="lighthouse-poster")
        lessons = make_thread(SpaceFactory(kind="open"), poster, title="Lessons thread")
        lessons.posts.create(author=poster, body="A reply about the lighthouse keepers.")
        make_thread(SpaceFactory(kind="open"), poster, title="Lighthouse lessons thread")
        make_thread(SpaceFactory(kind="members"), poster, title="Lighthouse members-only thread")
        # A network in the directory; a hidden one is never found.
        from community.networks.factories import NetworkFactory

        NetworkFactory(name="Lighthouse Coast Network")
        NetworkFactory(name="Lighthouse hidden network", hidden=True)
        live_with_draft = ResourcePageFactory(title="Harbour guide")
        live_with_draft.title = "Harbour lighthouse guide (draft)"
        live_with_draft.save_revision()

    def test_counts_per_type_and_total(self):
        response = self.client.get(SEARCH_URL, {"q": "lighthouse"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            counts(response),
            {
                None: 10,
                "resources": 3,
                "case-studies": 2,
                "events": 1,
                "pages": 1,
                "networks": 1,
                "discussions": 1,
                "replies": 1,
            },
        )
        self.assertEqual(response.context["result_count"], 10)
        self.assertContains(response, "10 results")

    def test_results_show_type_title_link_and_summary(self):
        response = self.client.get(SEARCH_URL, {"q": "lighthouse"})
        resource = self.resources[0]
        self.assertContains(response, f'<a href="{resource.url}">{resource.title}</a>', html=True)
        self.assertContains(response, resource.summary)
        self.assertContains(response, "How a lighthouse network shared learning.")
        hit_types = {hit.type.name for hit in response.context["results"]}
        self.assertEqual(
            hit_types, {"Resource", "Case study", "Event", "Page", "Network", "Discussion thread", "Reply"}
        )
        for name in hit_types:
            self.assertContains(response, f'<strong class="nhsuk-tag nhsuk-tag--white">{name}</strong>', html=True)

    def test_all_types_interleave_best_matches_first(self):
        response = self.client.get(SEARCH_URL, {"q": "lighthouse"})
        first_types = [hit.type.key for hit in response.context["results"][: len(registered_search_types())]]
        self.assertEqual(sorted(first_types), sorted(t.key for t in registered_search_types()))

    def test_drafts_unpublished_and_private_pages_never_found(self):
        response = self.client.get(SEARCH_URL, {"q": "lighthouse"})
        titles = result_titles(response)
        for hidden in ["draft resource", "withdrawn", "private", "Harbour", "hidden network"]:
            self.assertFalse([title for title in titles if hidden in title], hidden)
        self.assertNotContains(response, "Lighthouse draft resource")
        self.assertNotContains(response, "Lighthouse withdrawn resource")
        self.assertNotContains(response, "Lighthouse private page")
        # The live page is found by its published words, not by its draft's.
        self.assertEqual(result_titles(self.client.get(SEARCH_URL, {"q": "harbour"})), ["Harbour guide"])

    def test_type_filter(self):
        response = self.client.get(SEARCH_URL, {"q": "lighthouse", "type": "case-studies"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(sorted(result_titles(response)), ["Coastal network 0", "Coastal network 1"])
        self.assertEqual(response.context["result_count"], 2)
        # The counts of the other types stay visible so people can switch.
        self.assertEqual(counts(response)["resources"], 3)
        self.assertContains(response, "Clear filters")
        self.assertContains(response, 'href="?q=lighthouse"')
        self.assertContains(response, '<input type="hidden" name="type" value="case-studies">', html=True)

    def test_each_type_filter_finds_only_its_type(self):
        for search_type in registered_search_types():
            response = self.client.get(SEARCH_URL, {"q": "lighthouse", "type": search_type.key})
            self.assertEqual({hit.type for hit in response.context["results"]}, {search_type})

    def test_unknown_type_is_treated_as_all(self):
        response = self.client.get(SEARCH_URL, {"q": "lighthouse", "type": "nonsense"})
        self.assertEqual(response.status_code, 200)
        self.assertIsNone(response.context["selected_type"])
        self.assertEqual(response.context["result_count"], 10)

    def test_no_results(self):
        response = self.client.get(SEARCH_URL, {"q": "xylophone"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "0 results")
        self.assertContains(response, "No results found")

    def test_search_page_is_not_a_wagtail_page(self):
        response = self.client.get(SEARCH_URL, {"q": "lighthouse"})
        self.assertContains(response, "<title>Search results for lighthouse – Source4Networks</title>", html=True)
        self.assertContains(response, "<h1>Search</h1>", html=True, count=1)


class SearchPaginationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        for n in range(25):
            ResourcePageFactory(title=f"Beacon resource {n:02d}")
        CaseStudyPageFactory(title="Beacon case study")

    def test_twenty_a_page(self):
        first = self.client.get(SEARCH_URL, {"q": "beacon"})
        self.assertEqual(len(first.context["results"]), 20)
        self.assertEqual(first.context["page_obj"].paginator.num_pages, 2)
        self.assertContains(first, 'rel="next"')
        second = self.client.get(SEARCH_URL, {"q": "beacon", "page": 2})
        self.assertEqual(len(second.context["results"]), 6)
        every_title = result_titles(first) + result_titles(second)
        self.assertEqual(len(set(every_title)), 26)

    def test_filtered_pages_keep_the_filter(self):
        first = self.client.get(SEARCH_URL, {"q": "beacon", "type": "resources"})
        self.assertEqual(len(first.context["results"]), 20)
        self.assertContains(first, "page=2")
        self.assertContains(first, "type=resources")
        second = self.client.get(SEARCH_URL, {"q": "beacon", "type": "resources", "page": 2})
        self.assertEqual(len(second.context["results"]), 5)

    def test_bad_page_numbers_fall_back(self):
        for page, expected in [("999", 2), ("abc", 1), ("-1", 2), ("0", 2)]:
            response = self.client.get(SEARCH_URL, {"q": "beacon", "page": page})
            self.assertEqual(response.status_code, 200)
            self.assertEqual(response.context["page_obj"].number, expected, page)


class SearchMessagesTests(TestCase):
    def assertError(self, response, message):
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "There is a problem")
        self.assertContains(response, f'<li><a href="#search-query">{message}</a></li>', html=True)
        self.assertContains(response, f'<span class="nhsuk-u-visually-hidden">Error: </span>{message}')
        self.assertContains(response, "nhsuk-form-group--error")
        self.assertContains(response, 'id="search-query"')
        self.assertContains(response, "<title>Error: Search – Source4Networks</title>", html=True)

    def test_first_visit_shows_the_form_without_an_error(self):
        response = self.client.get(SEARCH_URL)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Enter a search term")
        self.assertNotContains(response, "There is a problem")
        self.assertNotContains(response, "Error:")

    def test_empty_query(self):
        for query in ["", "   ", "\x00"]:
            self.assertError(self.client.get(SEARCH_URL, {"q": query}), "Enter a search term")

    def test_over_long_query_is_refused_and_kept(self):
        query = "network " * 26  # 208 characters
        response = self.client.get(SEARCH_URL, {"q": query})
        self.assertError(response, "Your search must be 200 characters or fewer")
        self.assertContains(response, f'value="{query.strip()}"')
        self.assertNotIn("results", response.context)

    def test_two_hundred_characters_are_allowed(self):
        response = self.client.get(SEARCH_URL, {"q": "a" * 200})
        self.assertEqual(response.status_code, 200)
        self.assertIsNone(response.context["error"])
        self.assertContains(response, "0 results")

    def test_odd_input_never_fails(self):
        for query in [
            '"unbalanced',
            "AND OR NOT",
            "*",
            "a:b (c) [d] {e}",
            "-",
            "'; DROP TABLE wagtailcore_page; --",
            "<script>alert(1)</script>",
            "ünïcödé 日本語 🙂",
            "tab\there",
            "%",
            "\\",
        ]:
            response = self.client.get(SEARCH_URL, {"q": query, "type": query, "page": query})
            self.assertEqual(response.status_code, 200, query)
        self.assertNotContains(response, "<script>alert(1)</script>")


class SearchQueryCountTests(TestCase):
    """The query count depends on the number of types, not on the number of results."""

    @classmethod
    def setUpTestData(cls):
        ResourcePageFactory(title="Solitary resource")
        CaseStudyPageFactory(title="Solitary case study")
        EventPageFactory(title="Solitary event")
        StandardPageFactory(title="Solitary page", parent=home_page())
        for n in range(20):
            ResourcePageFactory(title=f"Crowded resource {n}")
        for n in range(15):
            CaseStudyPageFactory(title=f"Crowded case study {n}")
        for n in range(10):
            EventPageFactory(title=f"Crowded event {n}")
        for n in range(5):
            StandardPageFactory(title=f"Crowded page {n}", parent=home_page())

    def test_flat_for_one_or_fifty_results(self):
        one = count_queries(self.client, SEARCH_URL, {"q": "solitary"})
        self.assertEqual(one.response.context["result_count"], 4)
        fifty = count_queries(self.client, SEARCH_URL, {"q": "crowded"})
        self.assertEqual(fifty.response.context["result_count"], 50)
        assert_same_query_count(one, fifty)
        deeper = count_queries(self.client, SEARCH_URL, {"q": "crowded", "page": 3})
        self.assertEqual(len(deeper.response.context["results"]), 10)
        # A deep page fetches from the types that still have results there, never more.
        self.assertLessEqual(deeper.count, fifty.count)

    def test_flat_with_a_type_filter(self):
        one = count_queries(self.client, SEARCH_URL, {"q": "solitary", "type": "resources"})
        twenty = count_queries(self.client, SEARCH_URL, {"q": "crowded", "type": "resources"})
        self.assertEqual(len(twenty.response.context["results"]), 20)
        assert_same_query_count(one, twenty)


class SearchTypeRegistryTests(TestCase):
    """Another kind of thing is searchable by adding one SearchType to the list."""

    @classmethod
    def setUpTestData(cls):
        ResourcePageFactory(title="Lantern guide")
        StandardPageFactory(title="Lantern page", parent=home_page())

    def test_site_search_uses_the_types_it_is_given(self):
        from django.test import RequestFactory

        only_pages = [SearchType("pages", "Pages", "Page", StandardPage, order=1)]
        request = RequestFactory().get(SEARCH_URL, {"q": "lantern"})
        context = site_search(request, search_types=only_pages)
        self.assertEqual([hit.title for hit in context["results"]], ["Lantern page"])
        self.assertEqual([item["key"] for item in context["type_filters"]], [None, "pages"])

    def test_visible_narrows_what_a_type_finds(self):
        from django.test import RequestFactory

        nothing = SearchType("pages", "Pages", "Page", StandardPage, order=1, visible=lambda qs, r: qs.none())
        request = RequestFactory().get(SEARCH_URL, {"q": "lantern"})
        self.assertEqual(site_search(request, search_types=[nothing])["result_count"], 0)


class FakeResults(list):
    """Stands in for a type's search results, recording the longest slice fetched."""

    longest_fetch = 0

    def count(self):
        return len(self)

    def __getitem__(self, key):
        items = list.__getitem__(self, key)
        if isinstance(key, slice):
            FakeResults.longest_fetch = max(FakeResults.longest_fetch, len(items))
        return items


class InterleavedResultsTests(SimpleTestCase):
    def test_round_robin_by_rank_fetching_about_one_page_per_type(self):
        rng = random.Random(4)
        for _ in range(500):
            counts = [rng.choice([0, 1, 2, 3, 7, 20, 45]) for _ in range(rng.randint(1, 5))]
            searches = [(key, FakeResults((key, rank) for rank in range(count))) for key, count in enumerate(counts)]
            columns = [[(key, item) for item in results] for key, results in searches]
            expected = [pair for row in itertools.zip_longest(*columns) for pair in row if pair is not None]
            interleaved = InterleavedResults(searches)
            self.assertEqual(interleaved.count(), len(expected))
            for per_page in (1, 3, 20):
                for start in range(0, len(expected) + per_page, per_page):
                    FakeResults.longest_fetch = 0
                    self.assertEqual(interleaved[start : start + per_page], expected[start : start + per_page])
                    self.assertLessEqual(FakeResults.longest_fetch, per_page + 1, counts)
