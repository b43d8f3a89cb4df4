"""Case studies at /case-studies/: filters, search, sort, paging and the case study page."""

from datetime import date, timedelta

from django.test import TestCase
from django.utils import timezone

from casestudies.factories import CaseStudyPageFactory
from casestudies.models import CaseStudyRelatedResource
from resources.factories import ResourcePageFactory
from source4networks.factories import region, sector
from source4networks.taxonomy import NetworkType
from tests.site.library.helpers import (
    error_summary,
    page_title,
    result_count_text,
    result_titles,
    selected_values,
    soup,
    summary_rows,
)

URL = "/case-studies/"


def days_ago(days):
    return timezone.now() - timedelta(days=days)


class CaseStudyListingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        CaseStudyPageFactory(
            title="Stroke network in London",
            network_type=NetworkType.CLINICAL,
            region=region("london"),
            sectors=[sector("health")],
            topics=["Leadership"],
            first_published_at=days_ago(4),
        )
        CaseStudyPageFactory(
            title="Housing alliance in the North West",
            summary="Tenants and landlords working together.",
            network_type=NetworkType.VOLUNTARY_ALLIANCE,
            region=region("north-west"),
            sectors=[sector("housing"), sector("voluntary-community")],
            topics=["Housing", "Leadership"],
            first_published_at=days_ago(3),
        )
        CaseStudyPageFactory(
            title="Care homes community of practice",
            network_type=NetworkType.COMMUNITY_OF_PRACTICE,
            region=region("london"),
            sectors=[sector("social-care"), sector("health")],
            topics=["Evaluation"],
            first_published_at=days_ago(2),
        )
        CaseStudyPageFactory(title="Draft case study", region=region("london"), live=False)

    def get(self, query=""):
        response = self.client.get(URL + query)
        self.assertEqual(response.status_code, 200)
        return response

    def assert_listed(self, response, titles):
        self.assertEqual(result_titles(response), titles)
        noun = "case study" if len(titles) == 1 else "case studies"
        self.assertEqual(result_count_text(response), f"{len(titles)} {noun}")

    def test_lists_live_case_studies_newest_first(self):
        response = self.get()
        self.assert_listed(
            response,
            ["Care homes community of practice", "Housing alliance in the North West", "Stroke network in London"],
        )
        self.assertNotContains(response, "Draft case study")
        self.assertEqual(len(soup(response).find_all("h1")), 1)

    def test_card_shows_type_and_region(self):
        card = soup(self.get("?region=north-west")).select_one('ul[aria-labelledby="results-count"] li')
        self.assertIn("Case study: voluntary-sector alliance, North West", card.get_text(" ", strip=True))

    def test_filter_by_sector(self):
        self.assert_listed(self.get("?sector=health"), ["Care homes community of practice", "Stroke network in London"])

    def test_filter_by_region(self):
        self.assert_listed(self.get("?region=london"), ["Care homes community of practice", "Stroke network in London"])

    def test_filter_by_network_type(self):
        self.assert_listed(self.get("?network_type=voluntary-alliance"), ["Housing alliance in the North West"])
        self.assert_listed(
            self.get("?network_type=voluntary-alliance&network_type=clinical-network"),
            ["Housing alliance in the North West", "Stroke network in London"],
        )

    def test_filter_by_topic(self):
        self.assert_listed(
            self.get("?topic=leadership"), ["Housing alliance in the North West", "Stroke network in London"]
        )

    def test_filters_combine(self):
        self.assert_listed(self.get("?region=london&topic=leadership"), ["Stroke network in London"])
        self.assert_listed(self.get("?region=london&sector=social-care"), ["Care homes community of practice"])
        self.assert_listed(self.get("?region=north-west&network_type=clinical-network"), [])

    def test_form_keeps_choices(self):
        response = self.get("?region=london&sector=health&network_type=clinical-network&topic=leadership")
        self.assertEqual(selected_values(response, "region"), ["london"])
        self.assertEqual(selected_values(response, "sector"), ["health"])
        self.assertEqual(selected_values(response, "network_type"), ["clinical-network"])
        self.assertEqual(selected_values(response, "topic"), ["leadership"])

    def test_search(self):
        self.assert_listed(self.get("?q=tenants"), ["Housing alliance in the North West"])
        self.assert_listed(self.get("?q=stroke&region=north-west"), [])

    def test_sort_a_to_z(self):
        self.assertEqual(
            result_titles(self.get("?sort=title")),
            ["Care homes community of practice", "Housing alliance in the North West", "Stroke network in London"],
        )

    def test_clear_filters(self):
        response = self.get("?region=london")
        self.assertEqual(soup(response).find("a", string="Clear filters")["href"], URL)
        self.assertContains(response, "Region: London")

    def test_unknown_region_is_ignored_with_a_message(self):
        response = self.get("?region=atlantis&sector=health")
        self.assert_listed(response, ["Care homes community of practice", "Stroke network in London"])
        self.assertEqual(
            error_summary(response),
            [("There is no region called “atlantis”, so the list is not filtered by it", "#filter-region")],
        )
        self.assertTrue(page_title(response).startswith("Error: "))

    def test_feed_is_advertised(self):
        link = soup(self.get()).select_one('link[rel="alternate"][type="application/rss+xml"]')
        self.assertEqual(link["href"], "/case-studies/feed/")


class CaseStudyPaginationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        for number in range(21):
            CaseStudyPageFactory(title=f"Case {number:02d}", first_published_at=days_ago(number + 1))

    def test_pages(self):
        first = self.client.get(URL)
        self.assertEqual(len(result_titles(first)), 20)
        self.assertEqual(result_count_text(first), "21 case studies")
        second = self.client.get(URL + "?page=2")
        self.assertEqual(result_titles(second), ["Case 20"])
        self.assertEqual(page_title(second), "Case studies (page 2) – Source4Networks")
        self.assertEqual(result_titles(self.client.get(URL + "?page=9")), ["Case 20"])


class CaseStudyPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.chosen_first = ResourcePageFactory(title="Chosen first")
        cls.chosen_second = ResourcePageFactory(title="Chosen second")
        cls.chosen_draft = ResourcePageFactory(title="Chosen but draft", live=False)
        ResourcePageFactory(title="Not chosen", topics=["Leadership"])
        cls.page = CaseStudyPageFactory(
            title="Joining up stroke care",
            summary="How a clinical network cut waiting times.",
            network_name="London Stroke Network",
            network_type=NetworkType.CLINICAL,
            region=region("london"),
            sectors=[sector("health"), sector("social-care")],
            topics=["Leadership", "Evaluation"],
            challenge="<p>Long waits for scans.</p>",
            what_the_network_did="<p>Shared scanners between hospitals.</p>",
            impact="<p>Waits halved.</p>",
            lessons_learned="<p>Start small.</p>",
            next_steps="<p>Extend to rehabilitation.</p>",
            key_facts=[
                ("fact", {"label": "Members", "value": "14 hospitals"}),
                ("fact", {"label": "Founded", "value": "2019"}),
            ],
            quote=[("quote", {"text": "We could not have done it alone.", "attribution": "Network chair"})],
            contact_role="Network manager",
            publication_date=date(2025, 6, 2),
        )
        # Chosen in this order on purpose: the page keeps the editors' order.
        for order, resource in enumerate([cls.chosen_second, cls.chosen_draft, cls.chosen_first]):
            CaseStudyRelatedResource.objects.create(case_study=cls.page, resource=resource, sort_order=order)

    def setUp(self):
        self.response = self.client.get(self.page.url)
        self.assertEqual(self.response.status_code, 200)

    def test_shows_the_network_and_classification(self):
        rows = summary_rows(self.response)
        self.assertEqual(rows["Network"], "London Stroke Network")
        self.assertEqual(rows["Network type"], "Clinical network")
        self.assertEqual(rows["Region"], "London")
        self.assertEqual(rows["Sectors"], "Health, Social care")
        self.assertEqual(rows["Published"], "2 June 2025")
        links = soup(self.response).select(".nhsuk-summary-list a[href*='topic=']")
        self.assertEqual(
            [(link.get_text(strip=True), link["href"]) for link in links],
            [("Evaluation", "/case-studies/?topic=evaluation"), ("Leadership", "/case-studies/?topic=leadership")],
        )

    def test_sections_in_the_fixed_order(self):
        headings = [heading.get_text(strip=True) for heading in soup(self.response).select("main h2")]
        sections = ["The challenge", "What the network did", "The impact", "Lessons learned", "Next steps"]
        self.assertEqual([heading for heading in headings if heading in sections], sections)
        page = soup(self.response)
        self.assertEqual(page.find("h2", string="The impact").find_next("p").get_text(), "Waits halved.")

    def test_empty_sections_are_left_out(self):
        bare = CaseStudyPageFactory(title="Short one", lessons_learned="", next_steps="")
        headings = [heading.get_text(strip=True) for heading in soup(self.client.get(bare.url)).select("main h2")]
        self.assertNotIn("Lessons learned", headings)
        self.assertNotIn("Next steps", headings)
        self.assertIn("The impact", headings)

    def test_key_facts_as_a_summary_list(self):
        facts = soup(self.response).find("h2", string="Key facts").find_next("dl")
        self.assertIn("nhsuk-summary-list", facts["class"])
        self.assertEqual(
            [
                (row.dt.get_text(strip=True), row.dd.get_text(strip=True))
                for row in facts.select(".nhsuk-summary-list__row")
            ],
            [("Members", "14 hospitals"), ("Founded", "2019")],
        )

    def test_quote_and_contact(self):
        quote = soup(self.response).select_one("main blockquote")
        self.assertEqual(quote.get_text(strip=True), "We could not have done it alone.")
        self.assertContains(self.response, "Network chair")
        self.assertContains(self.response, "ask for the Network manager at London Stroke Network")

    def test_related_resources_in_the_chosen_order_without_drafts(self):
        related = soup(self.response).find("h2", string="Related resources").find_next("ul")
        self.assertEqual([link.get_text(strip=True) for link in related.select("a")], ["Chosen second", "Chosen first"])

    def test_one_heading_level_one(self):
        self.assertEqual(len(soup(self.response).find_all("h1")), 1)

    def test_card_label(self):
        self.assertEqual(self.page.card_label, "Case study")

    def test_unknown_case_study_is_not_found(self):
        self.assertEqual(self.client.get("/case-studies/not-a-case-study/").status_code, 404)
