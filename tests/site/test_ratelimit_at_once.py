"""The rate limiter under concurrency: requests arriving at the same moment cannot take
more places than the limit allows, on the local-memory cache and on a real Redis."""

from django.test import SimpleTestCase

from source4networks import ratelimit
from tests.concurrency import LocalMemoryCacheCases, RedisCacheCases, at_once


class RateLimitAtOnceCases:
    def test_a_limit_lets_exactly_its_number_through(self):
        for _ in range(3):
            ratelimit.hit("contact:1", limit=5, window=3600)
        results = at_once(lambda: ratelimit.hit("contact:1", limit=5, window=3600), 20)
        self.assertEqual(sum(result.allowed for result in results), 2)
        self.assertFalse(ratelimit.peek("contact:1", limit=5, window=3600).allowed)

    def test_a_cooldown_lets_exactly_one_through(self):
        waits = at_once(lambda: ratelimit.claim_cooldown("post:1", 10), 20)
        self.assertEqual(waits.count(0), 1)
        self.assertTrue(all(1 <= wait <= 10 for wait in waits if wait))

    def test_given_back_places_can_be_taken_again(self):
        def take_and_give_back():
            ratelimit.give_back(ratelimit.hit("invite:1", limit=5, window=86400))

        at_once(take_and_give_back, 20)
        self.assertEqual(ratelimit.peek("invite:1", limit=5, window=86400).count, 0)
        results = at_once(lambda: ratelimit.hit("invite:1", limit=5, window=86400), 20)
        self.assertEqual(sum(result.allowed for result in results), 5)

    def test_an_ended_cooldown_can_be_claimed_again(self):
        self.assertEqual(ratelimit.claim_cooldown("post:2", 10), 0)
        ratelimit.end_cooldown("post:2")
        self.assertEqual(ratelimit.cooldown_remaining("post:2", 10), 0)
        self.assertEqual(ratelimit.claim_cooldown("post:2", 10), 0)


class LocalMemoryTests(RateLimitAtOnceCases, LocalMemoryCacheCases, SimpleTestCase):
    pass


class RedisTests(RateLimitAtOnceCases, RedisCacheCases, SimpleTestCase):
    pass
