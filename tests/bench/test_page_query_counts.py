"""Every page the benchmark measures (bench/README.md) makes the same number of database queries
with 1 item as with 50; the listings, the network page, the search, the community pages, the
member directory and the results page have theirs beside their other tests (tests/README.md);
these are the rest: the home page, a resource, a case study, posting a reply and saving a page
of a diagnostic."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from casestudies.factories import CaseStudyPageFactory
from community.discussions.factories import SpaceFactory, make_thread
from community.discussions.models import SpaceKind
from diagnostics.factories import SCORECARD, ResponseFactory, current_version
from diagnostics.survey import field_name
from events.factories import EventPageFactory
from resources.factories import ResourcePageFactory
from tests.community.discussions.base import old_member
from tests.queries import CountedRequest, assert_same_query_count, count_queries

MANY = 50


def count_post(client, url, data) -> CountedRequest:
    with CaptureQueriesContext(connection) as captured:
        response = client.post(url, data)
    assert response.status_code == 302, f"{url} answered {response.status_code}"
    return CountedRequest(response, [query["sql"] for query in captured.captured_queries])


class LibraryPageQueryCountTests(TestCase):
    def test_the_home_page(self):
        ResourcePageFactory(title="The one resource", topics=["Common"])
        CaseStudyPageFactory(title="The one case study", topics=["Common"])
        EventPageFactory(title="The one event")
        one = count_queries(self.client, "/")
        for n in range(MANY):
            ResourcePageFactory(title=f"Resource {n}", topics=["Common"])
            CaseStudyPageFactory(title=f"Case study {n}", topics=["Common"])
            EventPageFactory(title=f"Event {n}")
        assert_same_query_count(one, count_queries(self.client, "/"))

    def test_a_resource_and_a_case_study_with_1_or_50_related_pages(self):
        for factory in (ResourcePageFactory, CaseStudyPageFactory):
            with self.subTest(factory.__name__):
                page = factory(title="Measured page", topics=["Shared", "Own"])
                factory(title="One related page", topics=["Shared"])
                one = count_queries(self.client, page.url)
                for n in range(MANY):
                    factory(title=f"Related page {n}", topics=["Shared", f"Topic {n}"])
                assert_same_query_count(one, count_queries(self.client, page.url))


class PostingQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.space = SpaceFactory(name="General", slug="general", kind=SpaceKind.OPEN)
        author = old_member(username="author")
        cls.short = make_thread(cls.space, author, title="A short thread", replies=1)
        cls.long = make_thread(cls.space, author, title="A long thread", replies=MANY)
        # Posters: each posts once, so the wait between one member's posts never applies.
        cls.posters = [old_member(username=f"poster{n}") for n in range(3)]

    def reply(self, poster, thread):
        self.client.force_login(poster)
        return count_post(self.client, f"{thread.get_absolute_url()}reply/", {"body": "A reply with some words."})

    def test_posting_a_reply_to_a_thread_of_1_or_50_replies(self):
        self.reply(self.posters[0], self.short)  # warms what every request shares
        one = self.reply(self.posters[1], self.short)
        assert_same_query_count(one, self.reply(self.posters[2], self.long))
        self.assertEqual(self.long.posts.count(), MANY + 2)


class SavingASurveyPageQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.first, cls.second = old_member(username="first"), old_member(username="second")
        version = current_version(SCORECARD)
        answers = {item.key: 3 for item in version.data.items}
        ResponseFactory(user=cls.first, version=version, answers=answers)
        for _ in range(MANY):
            ResponseFactory(user=cls.second, version=version, answers=answers)
        cls.section = version.data.dimensions[0]

    def save_first_page(self, member):
        self.client.force_login(member)
        data = {field_name(item): "4" for item in self.section.items}
        return count_post(self.client, f"/diagnostics/{SCORECARD}/section/1/", data)

    def test_saving_a_page_with_1_or_50_earlier_results(self):
        self.save_first_page(self.first)  # warms what every request shares
        one = self.save_first_page(self.first)
        assert_same_query_count(one, self.save_first_page(self.second))
