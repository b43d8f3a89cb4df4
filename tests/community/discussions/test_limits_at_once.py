"""The posting limits under concurrency: a member sending many posts at the same moment
gets exactly as many through as the limits allow (local-memory cache and real Redis)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.test import SimpleTestCase
from django.utils import timezone

from community.discussions import posting
from source4networks import ratelimit
from tests.concurrency import LocalMemoryCacheCases, RedisCacheCases, at_once


def member(pk, days_old):
    # The limits read only the id and the account's age: no database needed.
    return get_user_model()(pk=pk, username=f"member{pk}", date_joined=timezone.now() - timedelta(days=days_old))


class PostingAtOnceCases:
    def test_posts_sent_at_once_pass_one_at_a_time(self):
        results = at_once(lambda: posting.take_limits(member(1, 30), "reply", "Hello"), 20)
        refusals = [result for result in results if isinstance(result, posting.LimitReached)]
        self.assertEqual(results.count(None), 1)
        self.assertEqual(len(refusals), 19)
        self.assertTrue(all("Please wait 10 seconds between posts" in str(r.refusal) for r in refusals))

    def test_new_accounts_third_thread_is_the_last_even_at_once(self):
        new = member(2, 0)
        for _ in range(2):
            ratelimit.hit(f"new-threads-day:{new.pk}", posting.NEW_ACCOUNT_THREADS_PER_DAY, posting.DAY)
        # One of them passes the wait between posts, and the count then allows it: the third.
        results = at_once(lambda: posting.take_limits(new, "thread", "Body"), 10)
        self.assertEqual(results.count(None), 1)

    def test_a_refused_post_counts_nothing(self):
        user = member(3, 30)
        for _ in range(posting.POSTS_PER_HOUR):
            ratelimit.hit(f"posts-hour:{user.pk}", posting.POSTS_PER_HOUR, posting.HOUR)
        results = at_once(lambda: posting.take_limits(user, "reply", "Hello"), 10)
        self.assertTrue(all(isinstance(result, posting.LimitReached) for result in results))
        self.assertTrue(any("You can post 30 times an hour" in str(r.refusal) for r in results))
        self.assertEqual(ratelimit.peek(f"posts-hour:{user.pk}", posting.POSTS_PER_HOUR, posting.HOUR).count, 30)
        # The refused posts started no wait between posts.
        self.assertEqual(ratelimit.cooldown_remaining(f"post:{user.pk}", posting.SECONDS_BETWEEN_POSTS), 0)


class LocalMemoryTests(PostingAtOnceCases, LocalMemoryCacheCases, SimpleTestCase):
    pass


class RedisTests(PostingAtOnceCases, RedisCacheCases, SimpleTestCase):
    pass
