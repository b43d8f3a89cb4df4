"""A small rate limiter on Django's cache, shared by every app server that shares the
cache (Redis in production). Fixed windows: at most `limit` hits per `window` seconds.

    result = hit("contact-network:42", limit=5, window=3600)
    if not result.allowed: ... result.retry_after seconds ...

The count is kept with cache.add (which only sets a missing key) and cache.incr (atomic on
Redis and within one process for local memory), so two simultaneous requests cannot both
take the last place."""

import time
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class RateLimitResult:
    allowed: bool
    count: int
    limit: int
    retry_after: int  # seconds until the window resets

    @property
    def retry_after_minutes(self):
        return max(1, -(-self.retry_after // 60))


def _key(key, window, bucket):
    return f"ratelimit:{key}:{window}:{bucket}"


def hit(key, limit, window):
    """Count one attempt for `key`; allowed while the window's count is within `limit`."""
    now = time.time()
    bucket = int(now // window)
    cache_key = _key(key, window, bucket)
    retry_after = int((bucket + 1) * window - now) + 1
    cache.add(cache_key, 0, timeout=window + 60)
    try:
        count = cache.incr(cache_key)
    except ValueError:
        # The key expired between add and incr: start again.
        cache.set(cache_key, 1, timeout=window + 60)
        count = 1
    return RateLimitResult(allowed=count <= limit, count=count, limit=limit, retry_after=retry_after)


def peek(key, limit, window):
    """Would one more attempt be allowed? Counts nothing."""
    now = time.time()
    bucket = int(now // window)
    count = cache.get(_key(key, window, bucket), 0)
    retry_after = int((bucket + 1) * window - now) + 1
    return RateLimitResult(allowed=count < limit, count=count, limit=limit, retry_after=retry_after)


def cooldown_remaining(key, seconds):
    """Seconds left before `key` may act again, at most `seconds` after its last action
    (0 when it may act now). Counts nothing; see start_cooldown."""
    last = cache.get(f"cooldown:{key}")
    if last is None:
        return 0
    remaining = last + seconds - time.time()
    return max(0, int(-(-remaining // 1)))


def start_cooldown(key, seconds):
    """Record an action now. The time itself is stored (not just a key that expires), so a
    test's clock decides when the wait is over."""
    cache.set(f"cooldown:{key}", time.time(), timeout=seconds + 60)
