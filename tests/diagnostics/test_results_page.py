"""Results (section 6.3): table, radar, guidance and suggested pages, history, CSV, privacy."""

import re
from datetime import timedelta
from unittest import mock

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from casestudies.factories import CaseStudyPageFactory
from diagnostics.factories import InstrumentFactory, ResponseFactory, current_version
from diagnostics.models import Instrument
from resources.factories import ResourcePageFactory
from source4networks.factories import UserFactory
from tests.queries import assert_same_query_count, count_queries

from .helpers import HEALTH_CHECK, SCORECARD, instrument_data, take_survey


def lowest_answers(data):
    """Answers that score 1 on every statement (5 on reverse-scored ones)."""
    return {item.key: 5 if item.reverse else 1 for item in data.items}


def uk_date(when):
    """A date as the pages give it: in UK time, so near midnight not the UTC date."""
    return f"{timezone.localtime(when):%-d %B %Y}"


def submitted(user, slug, answers, days_ago=0):
    when = timezone.now() - timedelta(days=days_ago)
    return ResponseFactory(user=user, version=current_version(slug), answers=answers, submitted_at=when)


class ResultsTableAndCSVTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.member = UserFactory(username="csvuser")

    def setUp(self):
        self.client.force_login(self.member)

    def test_the_table_shows_dimension_scores_bands_and_overall(self):
        location = take_survey(self.client, SCORECARD, value="4")
        page = self.client.get(location)
        html = page.content.decode()
        rows = re.findall(
            r'<th class="nhsuk-table__header" scope="row">([^<]+)</th>\s*'
            r'<td class="nhsuk-table__cell nhsuk-table__cell--numeric">([^<]*)</td>\s*'
            r'<td class="nhsuk-table__cell"><strong class="nhsuk-tag [^"]+">([^<]+)</strong>',
            html,
        )
        self.assertEqual(
            rows,
            [
                ("Purpose", "4.0", "Strength"),
                ("Performance", "3.3", "Developing"),
                ("Operations", "4.0", "Strength"),
                ("Capacity", "3.3", "Developing"),
                ("Overall", "3.7", "Developing"),
            ],
        )
        self.assertEqual(html.count("<h1"), 1)

    def test_the_csv_download_has_the_score_responses_columns(self):
        location = take_survey(self.client, SCORECARD, value="4")
        csv = self.client.get(f"{location}results.csv")
        self.assertEqual(csv["Content-Type"], "text/csv; charset=utf-8")
        self.assertRegex(
            csv["Content-Disposition"], r'^attachment; filename="network-health-scorecard-\d{4}-\d\d-\d\d.csv"$'
        )
        self.assertEqual(
            csv.content.decode(),
            "respondent,dimension,score,band\n"
            "csvuser,purpose,4.00,strength\n"
            "csvuser,performance,3.33,developing\n"
            "csvuser,operations,4.00,strength\n"
            "csvuser,capacity,3.33,developing\n"
            "csvuser,overall,3.67,developing\n",
        )

    def test_a_visitors_csv_download(self):
        self.client.logout()
        take_survey(self.client, SCORECARD, value="2")
        csv = self.client.get(f"/diagnostics/{SCORECARD}/results/results.csv")
        self.assertEqual(
            csv.content.decode(),
            "respondent,dimension,score,band\n"
            "you,purpose,2.00,priority\n"
            "you,performance,2.67,priority\n"
            "you,operations,2.00,priority\n"
            "you,capacity,2.67,priority\n"
            "you,overall,2.33,priority\n",
        )

    def test_not_enough_answers_shows_as_such(self):
        data = instrument_data(SCORECARD)
        answers = {item.key: "NA" for item in data.dimensions[0].items}
        answers |= {item.key: 4 for dimension in data.dimensions[1:] for item in dimension.items}
        response = submitted(self.member, SCORECARD, answers)
        page = self.client.get(response.get_absolute_url())
        self.assertContains(page, "Not enough answers", count=1)
        self.assertContains(page, "Purpose: not enough answers.")  # the chart's description
        csv = self.client.get(f"{response.get_absolute_url()}results.csv").content.decode()
        self.assertIn("csvuser,purpose,,\n", csv)

    def test_the_radar_chart_is_an_accessible_svg(self):
        page = self.client.get(take_survey(self.client, HEALTH_CHECK, value="4")).content.decode()
        svg = re.search(r"<svg class=\"s4n-radar__chart\".*?</svg>", page, re.S).group(0)
        self.assertIn('role="img"', svg)
        self.assertIn('aria-labelledby="radar-title radar-desc"', svg)
        self.assertIn('<title id="radar-title">', svg)
        self.assertIn('<desc id="radar-desc">', svg)
        self.assertEqual(svg.count("<circle"), 7)  # a point per dimension
        self.assertNotIn("style=", svg)  # presentation attributes only: the CSP allows no inline style
        self.assertNotIn("<script", svg)


class GuidanceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.member = UserFactory(username="guided")
        data = instrument_data(SCORECARD)
        cls.response = submitted(cls.member, SCORECARD, lowest_answers(data))
        now = timezone.now()
        # Purpose's topics are "network leadership" and "member engagement".
        cls.resources = [
            ResourcePageFactory(
                title=f"Leadership resource {n}", topics=["Network leadership"], first_published_at=now - timedelta(n)
            )
            for n in range(5)
        ]
        cls.draft = ResourcePageFactory(title="Draft leadership resource", topics=["network leadership"], live=False)
        cls.unrelated = ResourcePageFactory(title="Unrelated resource", topics=["gardening"])
        cls.case_studies = [
            CaseStudyPageFactory(
                title=f"Engagement case study {n}", topics=["member engagement"], first_published_at=now - timedelta(n)
            )
            for n in range(3)
        ]

    def setUp(self):
        self.client.force_login(self.member)

    def test_guidance_and_matched_pages_for_each_dimension_that_needs_attention(self):
        page = self.client.get(self.response.get_absolute_url())
        html = page.content.decode()
        data = instrument_data(SCORECARD)
        self.assertContains(page, "What to work on")
        for dimension in data.dimensions:
            self.assertIn(dimension.guidance["priority"].replace("'", "&#x27;"), html)
        purpose = html.split('id="guidance-purpose"')[1].split("</section>")[0]
        self.assertEqual(
            re.findall(r">(Leadership resource \d)</a>", purpose), [f"Leadership resource {n}" for n in range(3)]
        )
        self.assertEqual(
            re.findall(r">(Engagement case study \d)</a>", purpose),
            ["Engagement case study 0", "Engagement case study 1"],
        )
        self.assertNotContains(page, "Draft leadership resource")
        self.assertNotContains(page, "Unrelated resource")

    def test_matched_pages_are_the_same_where_the_database_cannot_limit_inside_a_union(self):
        # SQLite (make run's default database) refuses LIMIT inside a UNION; the page must not
        # fail there, and must match the same pages.
        expected = self.client.get(self.response.get_absolute_url()).content.decode()
        with mock.patch.object(connection.features, "supports_slicing_ordering_in_compound", False):
            page = self.client.get(self.response.get_absolute_url())
        self.assertEqual(page.status_code, 200)
        matched = re.compile(r">((?:Leadership resource|Engagement case study) \d)</a>")
        self.assertEqual(matched.findall(page.content.decode()), matched.findall(expected))
        self.assertTrue(matched.findall(expected))

    @override_settings(PAGE_CACHE_SECONDS=300)
    def test_the_choice_is_kept_until_the_next_publish(self):
        # Choosing looks at every page tagged with the topics (most of a large library): it is
        # kept in the shared cache, and a publish makes it again.
        cache.clear()
        matched = re.compile(r">((?:Leadership resource|Engagement case study|Newest leadership resource) ?\d?)</a>")
        choosing = re.compile(r"COUNT\(DISTINCT")
        with CaptureQueriesContext(connection) as first_queries:
            first = self.client.get(self.response.get_absolute_url())
        with CaptureQueriesContext(connection) as again:
            second = self.client.get(self.response.get_absolute_url())
        self.assertEqual(matched.findall(second.content.decode()), matched.findall(first.content.decode()))
        self.assertTrue(matched.findall(second.content.decode()))
        self.assertTrue(any(choosing.search(query["sql"]) for query in first_queries))
        self.assertFalse(any(choosing.search(query["sql"]) for query in again))
        self.assertLess(len(again), len(first_queries))

        ResourcePageFactory(title="Newest leadership resource", topics=["network leadership"])
        purpose = self.client.get(self.response.get_absolute_url()).content.decode()
        purpose = purpose.split('id="guidance-purpose"')[1].split("</section>")[0]
        newest_first = ["Newest leadership resource", "Leadership resource 0", "Leadership resource 1"]
        self.assertEqual(matched.findall(purpose)[:3], newest_first)

    def test_strong_dimensions_get_no_guidance(self):
        data = instrument_data(SCORECARD)
        best = {item.key: 1 if item.reverse else 5 for item in data.items}
        response = submitted(self.member, SCORECARD, best)
        page = self.client.get(response.get_absolute_url())
        self.assertNotContains(page, "What to work on")
        self.assertNotContains(page, "Leadership resource")

    def test_the_query_count_does_not_grow_with_pages_or_history(self):
        url = self.response.get_absolute_url()
        few = count_queries(self.client, url)
        for n in range(10):
            ResourcePageFactory(title=f"More {n}", topics=["evaluation and impact", "governance", "facilitation"])
            CaseStudyPageFactory(title=f"More case {n}", topics=["digital collaboration", "network leadership"])
        for n in range(6):
            submitted(self.member, SCORECARD, lowest_answers(instrument_data(SCORECARD)), days_ago=n + 1)
        many = count_queries(self.client, url)
        self.assertContains(many.response, "Your earlier results")
        assert_same_query_count(few, many)


class HistoryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.member = UserFactory(username="historian")
        data = instrument_data(SCORECARD)
        cls.first = submitted(cls.member, SCORECARD, lowest_answers(data), days_ago=60)
        cls.second = submitted(cls.member, SCORECARD, {item.key: 3 for item in data.items}, days_ago=30)
        cls.latest = submitted(cls.member, SCORECARD, {item.key: 2 if item.reverse else 4 for item in data.items})

    def setUp(self):
        self.client.force_login(self.member)

    def test_earlier_results_are_listed_with_dates_and_the_change_since_each(self):
        # The page gives dates in UK time: near midnight a UTC date would be another day.
        page = self.client.get(self.latest.get_absolute_url()).content.decode()
        self.assertIn("Change since " + uk_date(self.second.submitted_at), page)
        table = page.split("<h2>Your earlier results</h2>")[1]
        rows = re.findall(
            r'<a href="(/diagnostics/results/[^"]+/)">([^<]+)</a></td>\s*'
            r'<td class="nhsuk-table__cell nhsuk-table__cell--numeric">([^<]*)</td>.*?'
            r'<td class="nhsuk-table__cell nhsuk-table__cell--numeric">([^<]*)</td>',
            table,
            re.S,
        )
        # Latest: all areas score 4.0 (reverse items answered 2). Second: 3s, so reverse items
        # score 3 too: 3.0 everywhere. First: 1.0 everywhere.
        self.assertEqual(
            rows,
            [
                (self.second.get_absolute_url(), uk_date(self.second.submitted_at), "3.0", "+1.0"),
                (self.first.get_absolute_url(), uk_date(self.first.submitted_at), "1.0", "+3.0"),
            ],
        )
        self.assertEqual(page.count('nhsuk-table__cell--numeric">+1.0</td>'), 5 + 1)  # 4 areas + overall + history

    def test_an_earlier_result_lists_only_results_before_it(self):
        page = self.client.get(self.second.get_absolute_url()).content.decode()
        self.assertIn(self.first.get_absolute_url(), page)
        self.assertNotIn(self.latest.get_absolute_url(), page)
        self.assertIn('nhsuk-table__cell--numeric">+2.0</td>', page)


class PrivacyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.owner = UserFactory(username="owner")
        cls.other = UserFactory(username="other")
        cls.editor = UserFactory(username="editor")
        cls.editor.groups.add(Group.objects.get(name="Editors"))
        cls.administrator = UserFactory(username="administrator", is_staff=True)
        cls.administrator.groups.add(Group.objects.get(name="Administrators"))
        cls.superuser = UserFactory(username="super", is_staff=True, is_superuser=True)
        cls.response = submitted(cls.owner, SCORECARD, lowest_answers(instrument_data(SCORECARD)))
        cls.in_progress = ResponseFactory(user=cls.owner, version=cls.response.version, in_progress=True)

    def test_only_the_owner_sees_a_result(self):
        url = self.response.get_absolute_url()
        for user in [self.other, self.editor, self.administrator, self.superuser]:
            self.client.force_login(user)
            self.assertEqual(self.client.get(url).status_code, 404, user)
            self.assertEqual(self.client.get(f"{url}results.csv").status_code, 404, user)
        self.client.force_login(self.owner)
        self.assertEqual(self.client.get(url).status_code, 200)
        self.assertEqual(self.client.get(f"{url}results.csv").status_code, 200)

    def test_anonymous_visitors_are_sent_to_sign_in(self):
        response = self.client.get(self.response.get_absolute_url())
        self.assertEqual(response.status_code, 302)
        self.assertIn("next=/diagnostics/results/", response["Location"])

    def test_a_result_in_progress_or_a_made_up_id_is_not_found(self):
        self.client.force_login(self.owner)
        self.assertEqual(self.client.get(self.in_progress.get_absolute_url()).status_code, 404)
        self.assertEqual(self.client.get("/diagnostics/results/00000000-0000-0000-0000-000000000000/").status_code, 404)
        self.assertEqual(self.client.get("/diagnostics/results/123/").status_code, 404)

    def test_result_ids_are_random_uuids(self):
        self.assertEqual(self.response.pk.version, 4)

    def test_a_visitors_session_result_is_not_anyone_elses(self):
        take_survey(self.client, SCORECARD)
        self.assertEqual(self.client.get(f"/diagnostics/{SCORECARD}/results/").status_code, 200)
        other_browser = self.client_class()
        self.assertEqual(other_browser.get(f"/diagnostics/{SCORECARD}/results/").status_code, 404)


class ListingQueryCountTests(TestCase):
    def test_the_listing_needs_the_same_queries_for_1_or_20_instruments(self):
        Instrument.objects.exclude(slug=SCORECARD).update(is_published=False)
        one = count_queries(self.client, "/diagnostics/")
        self.assertContains(one.response, "nhsuk-card__link", count=1)
        InstrumentFactory.create_batch(20, is_published=True)
        twenty = count_queries(self.client, "/diagnostics/")
        self.assertContains(twenty.response, "nhsuk-card__link", count=21)
        assert_same_query_count(one, twenty)
