"""A small rate limiter on Django's cache, shared by every app server that shares the
cache (Redis in production). Fixed windows: at most `limit` hits per `window` seconds.

    result = hit("contact-network:42", limit=5, window=3600)
    if not result.allowed: ... result.retry_after seconds ...

Every limit is counted in the same step that decides it, with operations the cache does
atomically: cache.add (sets a key only if it is missing) and cache.incr. Checking first
and counting afterwards would let two requests at the same moment both take the last
place. peek() and cooldown_remaining() only look, for showing a form; the deciding call
is hit() or claim_cooldown()."""

import contextlib
import time
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class RateLimitResult:
    allowed: bool
    count: int
    limit: int
    retry_after: int  # seconds until the window resets
    cache_key: str = ""

    @property
    def retry_after_minutes(self):
        return max(1, -(-self.retry_after // 60))


def _window(key, window):
    """The cache key of the current window, and the seconds until it ends."""
    now = time.time()
    bucket = int(now // window)
    return f"ratelimit:{key}:{window}:{bucket}", int((bucket + 1) * window - now) + 1


def hit(key, limit, window):
    """Count one attempt for `key`; allowed while the window's count is within `limit`.
    A refused attempt stays counted (see give_back)."""
    cache_key, retry_after = _window(key, window)
    # add() creates the counter only if no request has yet; incr() is atomic. The key
    # outlives its window, so it can vanish in between only if evicted: then try again.
    for _attempt in range(3):
        cache.add(cache_key, 0, timeout=window + 60)
        try:
            count = cache.incr(cache_key)
            break
        except ValueError:
            continue
    else:
        count = 1  # a cache that keeps nothing (DummyCache): every attempt is the first
    return RateLimitResult(count <= limit, count, limit, retry_after, cache_key)


def give_back(result):
    """Undo one hit(): for an action refused by another limit after this one counted it."""
    with contextlib.suppress(ValueError):  # the window has ended: nothing to give back
        cache.decr(result.cache_key)


def peek(key, limit, window):
    """Would one more attempt be allowed? Counts nothing, so decides nothing."""
    cache_key, retry_after = _window(key, window)
    count = cache.get(cache_key, 0)
    return RateLimitResult(count < limit, count, limit, retry_after, cache_key)


def _cooldown_key(key):
    return f"cooldown:{key}"


def _remaining(started, seconds):
    return max(1, int(-(-(started + seconds - time.time()) // 1)))


def cooldown_remaining(key, seconds):
    """Seconds left before `key` may act again (0 when it may act now). Counts nothing."""
    started = cache.get(_cooldown_key(key))
    return 0 if started is None else _remaining(started, seconds)


def claim_cooldown(key, seconds):
    """Start a wait of `seconds` for `key` and return 0, or, if one is running, return the
    seconds left and start nothing. One cache.add decides, so of two requests at the same
    moment exactly one gets 0."""
    now = time.time()
    if cache.add(_cooldown_key(key), now, timeout=seconds):
        return 0
    started = cache.get(_cooldown_key(key))
    return 1 if started is None else _remaining(started, seconds)


def end_cooldown(key):
    """Cancel a wait just claimed, for an action another limit then refused."""
    cache.delete(_cooldown_key(key))
