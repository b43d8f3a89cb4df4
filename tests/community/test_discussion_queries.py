"""Query counts stay flat however many threads or replies there are."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from community.discussions.factories import make_thread

from .discussions_base import DiscussionTestCase, old_member


class QueryCountTests(DiscussionTestCase):
    def count(self, url):
        self.client.get(url)  # warm per-process caches (content types, site root)
        with CaptureQueriesContext(connection) as context:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(context.captured_queries)

    def test_listings(self):
        self.client.force_login(self.network_member)
        poster = old_member(username="poster", display_name="Pat Poster")
        home, space = self.count("/community/"), self.count("/community/general/")
        for n in range(50):
            make_thread(self.open_space, poster if n % 2 else self.author, title=f"Thread number {n}", replies=n % 3)
        self.assertEqual(self.count("/community/"), home)
        self.assertEqual(self.count("/community/general/"), space)

    def test_thread_page_with_1_and_50_replies(self):
        self.client.force_login(self.network_member)
        one = make_thread(self.open_space, self.author, title="One reply", replies=1)
        many = make_thread(self.open_space, self.author, title="Fifty replies", replies=50)
        self.assertEqual(self.count(one.get_absolute_url()), self.count(many.get_absolute_url()))
        self.assertEqual(self.count(one.get_absolute_url()), self.count(many.get_absolute_url() + "?page=last"))

    def test_moderator_thread_page(self):
        self.client.force_login(self.moderator)
        one = make_thread(self.open_space, self.author, title="One reply", replies=1)
        many = make_thread(self.open_space, self.author, title="Fifty replies", replies=50)
        self.assertEqual(self.count(one.get_absolute_url()), self.count(many.get_absolute_url()))
