"""A small rate limiter on Django's cache, shared by every app server that shares the
cache (Redis in production). Fixed windows: at most `limit` hits per `window` seconds.

    result = hit("contact-network:42", limit=5, window=3600)
    if not result.allowed: ... result.retry_after seconds ...

Every limit is counted in the same step that decides it, with operations the cache does
atomically: cache.add (sets a key only if it is missing) and cache.incr. Checking first
and counting afterwards would let two requests at the same moment both take the last
place. peek() and cooldown_remaining() only look, for showing a form; the deciding call
is hit() or claim_cooldown().

When the cache cannot be reached (Redis down), each deciding call does what its caller
chose with `on_outage`: ALLOW (fail open: members can still act) or REFUSE (fail closed: an
outage cannot be used to send mail in bulk). The default is REFUSE. The table of limits and
their directions is in docs/faults.md. The limits read the "limits" cache, which raises on
a connection error (the "default" cache hides errors), so an outage is seen as one, never
mistaken for an empty count."""

import contextlib
import logging
import time
from dataclasses import dataclass

from django.core.cache import ConnectionProxy, caches
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

cache = ConnectionProxy(caches, "limits")

# What a cache that cannot be reached raises: django-redis wraps or re-raises redis-py's
# errors; a socket error can surface bare.
UNAVAILABLE = (ConnectionInterrupted, RedisError, OSError)
ALLOW = "allow"
REFUSE = "refuse"
# How long a refused-for-outage attempt is asked to wait: Redis usually returns within it.
OUTAGE_RETRY_AFTER = 60


@dataclass(frozen=True)
class RateLimitResult:
    allowed: bool
    count: int
    limit: int
    retry_after: int  # seconds until the window resets
    cache_key: str = ""
    unavailable: bool = False  # decided by on_outage, the cache could not be reached
    amount: int = 1  # how many attempts this hit counted at once

    @property
    def retry_after_minutes(self):
        return max(1, -(-self.retry_after // 60))


def _window(key, window):
    """The cache key of the current window, and the seconds until it ends."""
    now = time.time()
    bucket = int(now // window)
    return f"ratelimit:{key}:{window}:{bucket}", int((bucket + 1) * window - now) + 1


def _outage(key, on_outage):
    """Whether an attempt on `key` is allowed while the cache cannot be reached."""
    if on_outage not in (ALLOW, REFUSE):
        raise ValueError(f"on_outage must be ALLOW or REFUSE, not {on_outage!r}")
    logger.warning("Rate limit %s: cache unreachable, attempt %s", key, "allowed" if on_outage == ALLOW else "refused")
    return on_outage == ALLOW


def available():
    """Whether the limits' cache answers now: for forms that must refuse during an outage
    before they do anything (sign-up, password reset)."""
    try:
        cache.get("ratelimit:ping")
    except UNAVAILABLE:
        return False
    return True


def hit(key, limit, window, on_outage=REFUSE, amount=1):
    """Count one attempt for `key` (or `amount` at once, all allowed or none: several
    invitations sent together); allowed while the window's count is within `limit`.
    A refused attempt stays counted (see give_back)."""
    try:
        return _hit(key, limit, window, amount)
    except UNAVAILABLE:
        allowed = _outage(key, on_outage)
        return RateLimitResult(allowed, 0, limit, OUTAGE_RETRY_AFTER, "", unavailable=True, amount=amount)


def _hit(key, limit, window, amount=1):
    cache_key, retry_after = _window(key, window)
    # add() creates the counter only if no request has yet; incr() is atomic. The key
    # outlives its window, so it can vanish in between only if evicted: then try again.
    for _attempt in range(3):
        cache.add(cache_key, 0, timeout=window + 60)
        try:
            count = cache.incr(cache_key, amount)
            break
        except ValueError:
            continue
    else:
        count = amount  # a cache that keeps nothing (DummyCache): every attempt is the first
    return RateLimitResult(count <= limit, count, limit, retry_after, cache_key, amount=amount)


def give_back(result):
    """Undo one hit(): for an action refused by another limit after this one counted it."""
    if result.unavailable:
        return  # nothing was counted
    # ValueError: the window has ended, nothing to give back. An outage: nothing to reach.
    with contextlib.suppress(ValueError, *UNAVAILABLE):
        cache.decr(result.cache_key, result.amount)


def peek(key, limit, window):
    """Would one more attempt be allowed? Counts nothing, so decides nothing."""
    cache_key, retry_after = _window(key, window)
    try:
        count = cache.get(cache_key, 0)
    except UNAVAILABLE:
        # Only a forewarning: the deciding hit() applies the limit's outage direction.
        return RateLimitResult(True, 0, limit, retry_after, cache_key, unavailable=True)
    return RateLimitResult(count < limit, count, limit, retry_after, cache_key)


def _cooldown_key(key):
    return f"cooldown:{key}"


def _remaining(started, seconds):
    return max(1, int(-(-(started + seconds - time.time()) // 1)))


def cooldown_remaining(key, seconds):
    """Seconds left before `key` may act again (0 when it may act now). Counts nothing;
    during an outage 0, and the deciding claim_cooldown() applies the direction."""
    try:
        started = cache.get(_cooldown_key(key))
    except UNAVAILABLE:
        return 0
    return 0 if started is None else _remaining(started, seconds)


def claim_cooldown(key, seconds, on_outage=REFUSE):
    """Start a wait of `seconds` for `key` and return 0, or, if one is running, return the
    seconds left and start nothing. One cache.add decides, so of two requests at the same
    moment exactly one gets 0. During an outage: 0 when on_outage is ALLOW, else `seconds`."""
    try:
        return _claim_cooldown(key, seconds)
    except UNAVAILABLE:
        return 0 if _outage(key, on_outage) else seconds


def _claim_cooldown(key, seconds):
    now = time.time()
    if cache.add(_cooldown_key(key), now, timeout=seconds):
        return 0
    started = cache.get(_cooldown_key(key))
    return 1 if started is None else _remaining(started, seconds)


def end_cooldown(key):
    """Cancel a wait just claimed, for an action another limit then refused."""
    with contextlib.suppress(*UNAVAILABLE):  # an outage: there is nothing to cancel
        cache.delete(_cooldown_key(key))
