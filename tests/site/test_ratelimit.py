"""The rate limiter: a fixed window per key that counts hits and resets."""

from unittest import mock

from source4networks import ratelimit
from tests.community.base import CommunityTestCase


class RateLimitTests(CommunityTestCase):
    def test_fixed_window_counts_and_resets(self):
        with mock.patch("source4networks.ratelimit.time.time", return_value=7200.0):
            results = [ratelimit.hit("k", limit=2, window=3600) for _ in range(3)]
            self.assertEqual([r.allowed for r in results], [True, True, False])
            self.assertEqual(results[-1].retry_after, 3601)
            self.assertFalse(ratelimit.peek("k", limit=2, window=3600).allowed)
            self.assertTrue(ratelimit.hit("other", limit=2, window=3600).allowed)
        with mock.patch("source4networks.ratelimit.time.time", return_value=7200.0 + 3600):
            self.assertTrue(ratelimit.hit("k", limit=2, window=3600).allowed)

    def test_several_attempts_counted_at_once_all_or_none(self):
        """Several invitations sent together: counted in one step, refused whole if they do not
        all fit, and given back whole."""
        with mock.patch("source4networks.ratelimit.time.time", return_value=7200.0):
            self.assertTrue(ratelimit.hit("list", limit=5, window=3600, amount=3).allowed)
            too_many = ratelimit.hit("list", limit=5, window=3600, amount=3)
            self.assertFalse(too_many.allowed)
            ratelimit.give_back(too_many)
            self.assertEqual(ratelimit.peek("list", limit=5, window=3600).count, 3)
            self.assertTrue(ratelimit.hit("list", limit=5, window=3600, amount=2).allowed)
            self.assertFalse(ratelimit.hit("list", limit=5, window=3600).allowed)
