"""Firing calls at the same moment, against the local-memory cache and against a real Redis.

    class MyTests(CacheCases, SimpleTestCase): ...   # see the two subclasses below

`at_once(function, n)` runs `function` in n threads released together by a barrier and
returns their results (or the exceptions they raised). The limiter's module-level `cache`
is swapped for the test's own, and its clock is held still, so a window cannot end in the
middle of a test.

Redis: REDIS_URL (default redis://127.0.0.1:6379/0), with a key prefix of the test's own,
removed afterwards (never a FLUSHDB: the database may be shared). When Redis cannot be
reached the Redis tests are skipped, except in CI (CI=true), where they fail."""

import os
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from unittest import mock

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

# A fixed clock: the start of a day (and of every shorter window), far from any boundary.
NOW = 1_800_000_000.0 - 1_800_000_000.0 % (30 * 86400) + 3600


def at_once(function, times):
    barrier = threading.Barrier(times)

    def run(_):
        barrier.wait()
        try:
            return function()
        except Exception as error:  # noqa: BLE001 - the test looks at what each call raised
            return error

    with ThreadPoolExecutor(max_workers=times) as pool:
        return list(pool.map(run, range(times)))


def redis_url():
    return os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"


def in_ci():
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


class CacheCases:
    """Mix into a test case; the two subclasses below give the cache."""

    def make_cache(self):
        raise NotImplementedError

    def setUp(self):
        super().setUp()
        self.cache = self.make_cache()
        for target in ("source4networks.ratelimit.cache",):
            patcher = mock.patch(target, self.cache)
            patcher.start()
            self.addCleanup(patcher.stop)
        clock = mock.patch("source4networks.ratelimit.time.time", return_value=NOW)
        clock.start()
        self.addCleanup(clock.stop)


class LocalMemoryCacheCases(CacheCases):
    def make_cache(self):
        return LocMemCache(f"concurrency-{uuid.uuid4().hex}", {})


class RedisCacheCases(CacheCases):
    def make_cache(self):
        prefix = f"s4n-test-{uuid.uuid4().hex}"
        cache = RedisCache(redis_url(), {"KEY_PREFIX": prefix})
        try:
            cache.set("reachable", 1, timeout=5)
        except RedisError as error:
            message = f"Redis at {redis_url()} cannot be reached: {error}"
            if in_ci():
                self.fail(message)
            self.skipTest(message)
        client = cache._cache.get_client(write=True)
        self.addCleanup(lambda: [client.delete(key) for key in client.scan_iter(match=f"{prefix}:*")])
        return cache
