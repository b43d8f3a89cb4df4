"""Test settings: fast password hashing, emails kept in the test outbox, tasks run at once."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105 - tests only  # nosec B105
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = False  # noqa: F405
SITE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = SITE_URL
# Tests serve static files through the finders; no collected folder to look for.
STATIC_ROOT = None
# Each test process gets its own cache: a Redis shared by parallel workers would let one
# worker's page saves clear another's cached entries mid-test.
# "limits" shares the local-memory store of "default" (same LOCATION), as both share one Redis.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "limits": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
# The page cache is off except in the tests about it (tests/site/test_page_cache.py): many
# tests change data and fetch pages again within a moment.
PAGE_CACHE_SECONDS = 0
