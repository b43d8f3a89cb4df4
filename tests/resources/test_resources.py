"""The resource library at /resources/: filters, search, sort, paging and the resource page."""

from datetime import date, timedelta
from unittest import mock

from django.core.files.base import ContentFile
from django.db import connection
from django.test import TestCase
from django.utils import timezone
from wagtail.documents import get_document_model

from casestudies.factories import CaseStudyPageFactory
from casestudies.models import CaseStudyRelatedResource
from resources.factories import ResourcePageFactory
from source4networks.factories import sector
from source4networks.taxonomy import ResourceType
from tests.site.library.helpers import (
    page_title,
    result_count_text,
    result_titles,
    select_options,
    selected_values,
    soup,
    summary_rows,
)

URL = "/resources/"


def days_ago(days):
    return timezone.now() - timedelta(days=days)


class ResourceListingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        health, social_care, housing = sector("health"), sector("social-care"), sector("housing")
        ResourcePageFactory(
            title="Toolkit for network leaders",
            resource_type=ResourceType.TOOLKIT,
            topics=["Leadership"],
            sectors=[health],
            first_published_at=days_ago(5),
        )
        ResourcePageFactory(
            title="Guide to evaluation",
            summary="Measuring what a network achieves.",
            resource_type=ResourceType.GUIDE,
            topics=["Evaluation"],
            sectors=[social_care],
            first_published_at=days_ago(4),
        )
        ResourcePageFactory(
            title="Report on housing networks",
            resource_type=ResourceType.REPORT,
            topics=["Leadership", "Housing"],
            sectors=[housing, health],
            first_published_at=days_ago(3),
        )
        ResourcePageFactory(
            title="alpha guide for new members",
            resource_type=ResourceType.GUIDE,
            topics=["Leadership"],
            first_published_at=days_ago(2),
        )
        ResourcePageFactory(
            title="Unpublished toolkit draft",
            resource_type=ResourceType.TOOLKIT,
            topics=["Leadership"],
            sectors=[health],
            live=False,
            first_published_at=None,
        )

    def get(self, query=""):
        response = self.client.get(URL + query)
        self.assertEqual(response.status_code, 200)
        return response

    def assert_listed(self, response, titles):
        """The items shown are exactly `titles`, in order, and the count says so."""
        self.assertEqual(result_titles(response), titles)
        noun = "resource" if len(titles) == 1 else "resources"
        self.assertEqual(result_count_text(response), f"{len(titles)} {noun}")

    def test_lists_live_resources_newest_first(self):
        response = self.get()
        self.assert_listed(
            response,
            [
                "alpha guide for new members",
                "Report on housing networks",
                "Guide to evaluation",
                "Toolkit for network leaders",
            ],
        )
        self.assertNotContains(response, "Unpublished toolkit draft")
        self.assertEqual(len(soup(response).find_all("h1")), 1)
        self.assertEqual(page_title(response), "Resources – Source4Networks")

    def test_cards_show_type_sectors_and_topics(self):
        card = soup(self.get("?type=report")).select_one('ul[aria-labelledby="results-count"] li')
        text = card.get_text(" ", strip=True)
        self.assertIn("Report", text)
        self.assertIn("Sectors: Health, Housing", text)
        self.assertIn("Topics: Housing, Leadership", text)

    def test_filter_by_one_type(self):
        self.assert_listed(self.get("?type=toolkit"), ["Toolkit for network leaders"])

    def test_filter_by_several_types_finds_any_of_them(self):
        self.assert_listed(
            self.get("?type=toolkit&type=guide"),
            ["alpha guide for new members", "Guide to evaluation", "Toolkit for network leaders"],
        )

    def test_filter_by_topic_slug(self):
        self.assert_listed(
            self.get("?topic=leadership"),
            ["alpha guide for new members", "Report on housing networks", "Toolkit for network leaders"],
        )

    def test_filter_by_sector_slug(self):
        self.assert_listed(self.get("?sector=health"), ["Report on housing networks", "Toolkit for network leaders"])

    def test_filter_by_several_sectors_lists_each_resource_once(self):
        self.assert_listed(
            self.get("?sector=health&sector=housing"), ["Report on housing networks", "Toolkit for network leaders"]
        )

    def test_an_empty_value_does_not_undo_the_others(self):
        response = self.get("?sector=&sector=health&type=&topic=")
        self.assert_listed(response, ["Report on housing networks", "Toolkit for network leaders"])

    def test_filters_combine(self):
        self.assert_listed(self.get("?topic=leadership&sector=health&type=report"), ["Report on housing networks"])
        self.assert_listed(self.get("?type=guide&topic=leadership"), ["alpha guide for new members"])
        self.assert_listed(self.get("?type=video&topic=leadership"), [])

    def test_no_match_says_so_and_offers_to_clear(self):
        response = self.get("?type=video")
        self.assertContains(response, "0 resources")
        self.assertContains(response, "No resources match what you chose")

    def test_form_shows_what_is_applied(self):
        response = self.get("?type=toolkit&type=guide&topic=leadership&sector=health&sort=title")
        self.assertEqual(selected_values(response, "type"), ["toolkit", "guide"])
        self.assertEqual(selected_values(response, "topic"), ["leadership"])
        self.assertEqual(selected_values(response, "sector"), ["health"])
        self.assertEqual(selected_values(response, "sort"), ["title"])

    def test_topic_list_offers_only_topics_in_use_on_live_resources(self):
        response = self.get()
        self.assertEqual(select_options(response, "topic"), ["", "evaluation", "housing", "leadership"])

    def test_active_filters_link_to_the_list_without_each_one(self):
        response = self.get("?type=report&topic=leadership")
        links = {link.get_text(" ", strip=True): link["href"] for link in soup(response).select(".s4n-tag-list a")}
        self.assertEqual(
            links,
            {
                "Remove filter Resource type: Report": "/resources/?topic=leadership",
                "Remove filter Topic: Leadership": "/resources/?type=report",
            },
        )

    def test_clear_filters_links_to_the_bare_listing(self):
        response = self.get("?type=report&topic=leadership")
        clear = soup(response).find("a", string="Clear filters")
        self.assertEqual(clear["href"], "/resources/")
        self.assertIsNone(soup(self.get()).find("a", string="Clear filters"))

    def test_filter_form_works_without_javascript(self):
        form = soup(self.get()).select_one("form.s4n-filters")
        self.assertEqual(form["method"], "get")
        self.assertEqual(form["action"], "/resources/")
        self.assertEqual(form.select_one('button[type="submit"]').get_text(strip=True), "Apply filters")
        for field in form.select("input:not([type=hidden]), select"):
            self.assertTrue(form.select_one(f'label[for="{field["id"]}"]'), f"{field['id']} has no label")

    def test_sort_a_to_z_ignores_capitals(self):
        self.assertEqual(
            result_titles(self.get("?sort=title")),
            [
                "alpha guide for new members",
                "Guide to evaluation",
                "Report on housing networks",
                "Toolkit for network leaders",
            ],
        )

    def test_relevance_is_offered_only_when_searching(self):
        self.assertEqual(select_options(self.get(), "sort"), ["newest", "title"])
        searching = self.get("?q=guide")
        self.assertEqual(select_options(searching, "sort"), ["newest", "title", "relevance"])
        self.assertEqual(selected_values(searching, "sort"), ["relevance"])

    def test_relevance_without_a_search_falls_back_to_newest(self):
        self.assertEqual(result_titles(self.get("?sort=relevance")), result_titles(self.get()))

    def test_search_finds_words_in_titles_and_summaries(self):
        self.assert_listed(self.get("?q=housing"), ["Report on housing networks"])
        self.assert_listed(self.get("?q=measuring"), ["Guide to evaluation"])

    def test_search_leaves_out_drafts(self):
        self.assertNotIn("Unpublished toolkit draft", result_titles(self.get("?q=toolkit")))

    def test_search_combines_with_filters(self):
        self.assert_listed(self.get("?q=guide&topic=leadership"), ["alpha guide for new members"])
        self.assert_listed(self.get("?q=guide&sector=social-care"), ["Guide to evaluation"])
        self.assert_listed(self.get("?q=guide&type=toolkit"), [])

    def test_search_results_sort_by_title_and_newest(self):
        self.assertEqual(
            result_titles(self.get("?q=guide&sort=title")), ["alpha guide for new members", "Guide to evaluation"]
        )
        self.assertEqual(
            result_titles(self.get("?q=guide&sort=newest")), ["alpha guide for new members", "Guide to evaluation"]
        )

    def test_search_is_shown_as_an_active_filter(self):
        response = self.get("?q=guide&type=guide")
        links = {link.get_text(" ", strip=True): link["href"] for link in soup(response).select(".s4n-tag-list a")}
        self.assertEqual(links["Remove filter Search: guide"], "/resources/?type=guide")
        self.assertEqual(links["Remove filter Resource type: Guide"], "/resources/?q=guide")

    def test_feed_is_advertised(self):
        link = soup(self.get()).select_one('link[rel="alternate"][type="application/rss+xml"]')
        self.assertEqual(link["href"], "/resources/feed/")


class ResourceRelevanceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # Enough other resources for a word found in only two of them to carry weight.
        for number in range(10):
            ResourcePageFactory(title=f"Filler {number}", summary="About something else entirely.")
        # The newer one mentions the word once in a long summary; the older one is all about it.
        ResourcePageFactory(
            title="Notes from the annual meeting",
            summary="A record of the annual meeting: who came, the reports from each working group, the "
            "budget for next year, the plan for the spring conference, a short item on commissioning, "
            "the election of the chair and the dates of the meetings planned for the year ahead.",
            first_published_at=days_ago(1),
        )
        ResourcePageFactory(
            title="Commissioning",
            summary="Commissioning explained: commissioning for networks.",
            first_published_at=days_ago(9),
        )

    def test_best_match_first_when_searching(self):
        response = self.client.get(URL + "?q=commissioning")
        self.assertEqual(result_titles(response), ["Commissioning", "Notes from the annual meeting"])
        # Newest first puts them the other way round.
        self.assertEqual(
            result_titles(self.client.get(URL + "?q=commissioning&sort=newest")),
            ["Notes from the annual meeting", "Commissioning"],
        )


class ResourcePaginationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        for number in range(45):
            ResourcePageFactory(
                title=f"Resource number {number:02d}",
                resource_type=ResourceType.GUIDE if number % 2 else ResourceType.REPORT,
                first_published_at=days_ago(number + 1),
            )

    def get(self, query):
        response = self.client.get(URL + query)
        self.assertEqual(response.status_code, 200)
        return response

    def test_twenty_a_page(self):
        first = self.get("")
        self.assertEqual(len(result_titles(first)), 20)
        self.assertEqual(result_titles(first)[0], "Resource number 00")
        self.assertEqual(result_count_text(first), "45 resources")
        last = self.get("?page=3")
        self.assertEqual(result_titles(last), [f"Resource number {n}" for n in range(40, 45)])

    def test_paged_title(self):
        self.assertEqual(page_title(self.get("?page=2")), "Resources (page 2) – Source4Networks")

    def test_page_links_keep_the_filters(self):
        response = self.get("?type=guide")
        self.assertEqual(result_count_text(response), "22 resources")
        next_link = soup(response).select_one("a.nhsuk-pagination__next")
        self.assertEqual(next_link["href"], "?page=2&type=guide")
        self.assertEqual(len(result_titles(self.get("?type=guide&page=2"))), 2)

    def test_out_of_range_pages_show_the_last_page_and_say_so(self):
        for page, message in [
            ("0", "There is no page 0, so you are seeing page 3 of 3."),
            ("-1", "There is no page -1, so you are seeing page 3 of 3."),
            ("4", "There is no page 4, so you are seeing page 3 of 3."),
            ("200", "There is no page 200, so you are seeing page 3 of 3."),
        ]:
            with self.subTest(page=page):
                response = self.get(f"?page={page}")
                self.assertEqual(len(result_titles(response)), 5)
                self.assertContains(response, message)

    def test_a_page_that_is_not_a_number_shows_the_first_page(self):
        response = self.get("?page=abc")
        self.assertEqual(result_titles(response)[0], "Resource number 00")
        self.assertContains(response, "“abc” is not a page number, so you are seeing page 1 of 3.")

    def test_a_valid_page_has_no_message(self):
        self.assertNotContains(self.get("?page=2"), "is not a page number")
        self.assertNotContains(self.get("?page=2"), "There is no page")


class ResourcePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        document = get_document_model()(title="Network toolkit workbook")
        document.file.save("workbook.pdf", ContentFile(b"%PDF-1.4\n" + b"0" * 3063), save=False)
        document.file_size = document.file.size
        document.save()
        cls.resource = ResourcePageFactory(
            title="Network toolkit",
            summary="Everything you need to start a network.",
            resource_type=ResourceType.TOOLKIT,
            topics=["Leadership", "Evaluation"],
            sectors=[sector("health"), sector("housing")],
            source_organisation="The Networks Institute",
            author="Dr Ada Example",
            publication_date=date(2024, 3, 14),
            external_url="https://www.networks.example.org/toolkit?ref=s4n",
            document=document,
            review_by=date(2031, 7, 9),
        )
        # Related by both topics, by one topic (newer and older), by none; a draft; one too many.
        ResourcePageFactory(
            title="Shares both topics", topics=["Leadership", "Evaluation"], first_published_at=days_ago(30)
        )
        ResourcePageFactory(title="Shares leadership", topics=["Leadership"], first_published_at=days_ago(1))
        ResourcePageFactory(title="Shares evaluation", topics=["Evaluation"], first_published_at=days_ago(2))
        ResourcePageFactory(title="Also shares leadership", topics=["Leadership"], first_published_at=days_ago(3))
        ResourcePageFactory(title="Oldest sharing leadership", topics=["Leadership"], first_published_at=days_ago(40))
        ResourcePageFactory(title="Unrelated resource", topics=["Housing"])
        ResourcePageFactory(title="Draft sharing both", topics=["Leadership", "Evaluation"], live=False)

        linking = CaseStudyPageFactory(title="A network that used the toolkit")
        CaseStudyRelatedResource.objects.create(case_study=linking, resource=cls.resource)
        draft = CaseStudyPageFactory(title="Draft case study using it", live=False)
        CaseStudyRelatedResource.objects.create(case_study=draft, resource=cls.resource)
        CaseStudyPageFactory(title="Case study not linking")

    def setUp(self):
        self.response = self.client.get(self.resource.url)
        self.assertEqual(self.response.status_code, 200)

    def test_shows_its_details(self):
        rows = summary_rows(self.response)
        self.assertEqual(rows["Type"], "Toolkit")
        self.assertEqual(rows["Source organisation"], "The Networks Institute")
        self.assertEqual(rows["Author"], "Dr Ada Example")
        self.assertEqual(rows["Published"], "14 March 2024")
        self.assertEqual(rows["Sectors"], "Health, Housing")
        self.assertEqual(rows["Website"], "www.networks.example.org")
        self.assertContains(self.response, "Everything you need to start a network.")
        page = soup(self.response)
        self.assertEqual(len(page.find_all("h1")), 1)
        self.assertIn("Network toolkit", page.h1.get_text())

    def test_topics_link_to_the_filtered_library(self):
        links = soup(self.response).select(".nhsuk-summary-list a[href*='topic=']")
        self.assertEqual(
            {link.get_text(strip=True): link["href"] for link in links},
            {"Evaluation": "/resources/?topic=evaluation", "Leadership": "/resources/?topic=leadership"},
        )

    def test_external_link_names_its_domain(self):
        link = soup(self.response).select_one("a.nhsuk-action-link")
        self.assertEqual(link["href"], "https://www.networks.example.org/toolkit?ref=s4n")
        self.assertIn("View this resource on www.networks.example.org", link.get_text(" ", strip=True))

    def test_document_download_shows_type_and_size(self):
        link = soup(self.response).find("a", string="Download Network toolkit workbook")
        self.assertEqual(link["href"], self.resource.document.url)
        self.assertContains(self.response, "(PDF, 3.0\xa0KB)")

    def test_review_date_is_not_shown(self):
        self.assertNotContains(self.response, "2031")
        self.assertNotContains(self.response, "Review")

    def test_related_resources_share_topics_most_shared_first(self):
        related = soup(self.response).find("h2", string="Related resources").find_next("ul")
        self.assertEqual(
            [link.get_text(strip=True) for link in related.select("a")],
            ["Shares both topics", "Shares leadership", "Shares evaluation", "Also shares leadership"],
        )

    def test_related_resources_are_the_same_where_the_database_cannot_limit_inside_a_union(self):
        # SQLite (make run's default) takes one query per number of shared topics.
        with mock.patch.object(connection.features, "supports_slicing_ordering_in_compound", False):
            response = self.client.get(self.resource.url)
        related = soup(response).find("h2", string="Related resources").find_next("ul")
        self.assertEqual(
            [link.get_text(strip=True) for link in related.select("a")],
            ["Shares both topics", "Shares leadership", "Shares evaluation", "Also shares leadership"],
        )

    def test_case_studies_that_link_to_it(self):
        section = soup(self.response).find("h2", string="Case studies using this resource").find_next("ul")
        self.assertEqual(
            [link.get_text(strip=True) for link in section.select("a")], ["A network that used the toolkit"]
        )

    def test_resource_without_topics_or_links_has_no_empty_lists(self):
        bare = ResourcePageFactory(title="Bare resource", source_organisation="")
        response = self.client.get(bare.url)
        page = soup(response)
        self.assertFalse([ul for ul in page.select("main ul") if not ul.find("li")])
        self.assertIsNone(page.find("h2", string="Related resources"))
        self.assertIsNone(page.find("h2", string="Case studies using this resource"))

    def test_unknown_resource_is_not_found(self):
        self.assertEqual(self.client.get("/resources/no-such-resource/").status_code, 404)

    def test_draft_resource_is_not_found(self):
        draft = ResourcePageFactory(title="Hidden draft", live=False)
        self.assertEqual(self.client.get(f"/resources/{draft.slug}/").status_code, 404)

    def test_card_label_is_the_type(self):
        self.assertEqual(self.resource.card_label, "Toolkit")
