"""Local development: debug on, a development-only secret, console email."""

from .base import *  # noqa: F403
from .base import env_list

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")  # noqa: F405
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
# Static files as production serves them (`make run` collects them first, and again when they
# change): hashed names, gzip and Brotli, a year's caching, all from WhiteNoise, which also
# takes over from runserver's own static handler. A file not collected yet is still served, by
# its plain name, from the app and project folders.
INSTALLED_APPS.insert(INSTALLED_APPS.index("django.contrib.staticfiles"), "whitenoise.runserver_nostatic")  # noqa: F405
STORAGES["staticfiles"] = {"BACKEND": "source4networks.static_storage.HashedStaticFilesStorage"}  # noqa: F405
# Background tasks run straight away, so no worker is needed while developing.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# No page cache while developing unless asked for: template changes show at once.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))  # noqa: F405
