"""The shared cache (Redis) as the site uses it: a Redis outage slows nothing and breaks
nothing, it only empties the cache until Redis returns (docs/faults.md).

django-redis's IGNORE_EXCEPTIONS turns a failed read into a miss and a failed write into a
no-op, but a failed add() into None, which callers read as "the key is already there". allauth
takes a lock with add() around each of its rate limits and refuses the request when the lock
never comes (after a second): with Redis down every sign-in would be refused. Here a failed
add() counts as done, so allauth's limits let requests through during the outage. The site's
own rate limits do not use this cache: source4networks.ratelimit reads the "limits" cache,
which raises, and decides each limit's direction itself."""

import logging

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted

logger = logging.getLogger(__name__)


class OutageTolerantRedisCache(RedisCache):
    def add(self, *args, **kwargs):
        try:
            return self.client.add(*args, **kwargs)
        except ConnectionInterrupted:
            logger.warning("Redis is unavailable: cache.add() counted as done")
            return True
