"""Query counts stay flat however many threads or replies there are."""

from community.discussions.factories import make_thread
from tests.queries import assert_same_query_count, count_queries

from .base import DiscussionTestCase, old_member


class QueryCountTests(DiscussionTestCase):
    def test_listings(self):
        self.client.force_login(self.network_member)
        poster = old_member(username="poster", display_name="Pat Poster")
        home, space = count_queries(self.client, "/community/"), count_queries(self.client, "/community/general/")
        for n in range(50):
            make_thread(self.open_space, poster if n % 2 else self.author, title=f"Thread number {n}", replies=n % 3)
        assert_same_query_count(home, count_queries(self.client, "/community/"))
        assert_same_query_count(space, count_queries(self.client, "/community/general/"))

    def test_thread_page_with_1_and_50_replies(self):
        self.client.force_login(self.network_member)
        one = make_thread(self.open_space, self.author, title="One reply", replies=1)
        many = make_thread(self.open_space, self.author, title="Fifty replies", replies=50)
        with_one = count_queries(self.client, one.get_absolute_url())
        assert_same_query_count(with_one, count_queries(self.client, many.get_absolute_url()))
        assert_same_query_count(with_one, count_queries(self.client, many.get_absolute_url() + "?page=last"))

    def test_moderator_thread_page(self):
        self.client.force_login(self.moderator)
        one = make_thread(self.open_space, self.author, title="One reply", replies=1)
        many = make_thread(self.open_space, self.author, title="Fifty replies", replies=50)
        assert_same_query_count(
            count_queries(self.client, one.get_absolute_url()), count_queries(self.client, many.get_absolute_url())
        )
