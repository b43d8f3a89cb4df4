"""Settings for the benchmark (bench/run.py): production-like (DEBUG off, cached templates,
persistent connections) on a database of its own, so it never touches the site's data.

Database: BENCH_DATABASE_URL if set; otherwise, when DATABASE_URL names a PostgreSQL
database, a database beside it named `<name>_bench` (created by run.py); otherwise the SQLite
file bench/bench.sqlite3."""

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import dj_database_url

from source4networks.settings.base import *  # noqa: F403
from source4networks.settings.base import BASE_DIR, STORAGES

BENCH_DIR = Path(__file__).resolve().parent


def bench_database_url():
    if os.environ.get("BENCH_DATABASE_URL"):
        return os.environ["BENCH_DATABASE_URL"]
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        parts = urlsplit(url)
        name = parts.path.lstrip("/") or "postgres"
        return urlunsplit(parts._replace(path=f"/{name}_bench"))
    return f"sqlite:///{BENCH_DIR / 'bench.sqlite3'}"


SECRET_KEY = "bench-only-not-secret"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
DATABASES = {"default": dj_database_url.parse(bench_database_url(), conn_max_age=600)}
# Search indexing during the build runs in the build's own process, straight away.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Static files are served from the source folders (no collectstatic manifest needed).
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
MEDIA_ROOT = BENCH_DIR / "media"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "ERROR"},
}
STATICFILES_DIRS = [BASE_DIR / "static"]
