"""Anonymous pages from the shared cache, and Cache-Control that keeps personal pages private.

A page is stored only when nothing about it is personal: an anonymous GET (no session cookie,
no messages waiting) answered 200 by a page that set no cookie and used no CSRF token (so no
form is ever stored). Every stored page carries the generation number it was made under; a
publish, an unpublish or a change to what anonymous pages show moves the number on (`purge`),
which makes every stored page stale at once. The number lives in the shared cache (Redis in
production), so every app server sees a purge as soon as it is made. See docs/caching.md.
"""

import hashlib
import logging
import time

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control, patch_vary_headers
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
# Never from the cache: the admin, sign-in and account pages, the community (who may read a
# space depends on who asks), diagnostics (answers kept in the session), files.
NEVER_CACHED = ("/admin/", "/accounts/", "/account/", "/community/", "/diagnostics/", "/documents/", "/healthz")
# Longer query strings are answered but not stored: no one can fill the cache with them.
MAX_QUERY_STRING = 300
# Saving a page with only these fields records a draft, a lock or a schedule: visitors see
# nothing new.
DRAFT_FIELDS = {
    "wagtail_admin_comments",
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
}
# Wagtail's own records that change what visitors see: page privacy, images and documents
# shown on pages, the site record. The site's and the apps' are in settings.PAGE_CACHE_PURGED_BY.
WAGTAIL_MODELS = {
    "wagtailcore.pageviewrestriction",
    "wagtailcore.collectionviewrestriction",
    "wagtailcore.site",
    "wagtailimages.image",
    "wagtaildocs.document",
}


class PageCacheMiddleware:
    """Answers anonymous GETs from the cache and stores what may be stored; marks every
    personal response private. Goes before the session middleware, so a hit skips the rest."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        generation = None
        if seconds > 0 and may_be_cached(request):
            generation, response = fetch(request)
            if response is not None:
                return response
        response = self.get_response(request)
        # The same address gives a signed-in member another page: caches must key on Cookie.
        patch_vary_headers(response, ("Cookie",))
        if personal(request, response):
            mark_private(response)
        elif generation is not None and may_store(request, response):
            mark_public(response, seconds)
            store(request, response, generation, seconds)
        return response


def may_be_cached(request):
    """An anonymous GET or HEAD of a public address, with nothing personal in its cookies."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and not request.path_info.startswith(NEVER_CACHED)
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_STRING
        and not any("preview" in name.lower() for name in request.GET)
    )


def personal(request, response):
    """Whether the response belongs to one visitor: signed in (or with a session), setting a
    cookie, or holding a CSRF token in a form."""
    user = getattr(request, "user", None)
    return (
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or bool(response.cookies)
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE", False)
        or request.META.get("CSRF_COOKIE_USED", False)
        or (user is not None and user.is_authenticated)
    )


def may_store(request, response):
    cache_control = response.get("Cache-Control", "").lower()
    vary = {value.strip().lower() for value in cc_delim_re.split(response.get("Vary", "")) if value.strip()}
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not getattr(request, "is_preview", False)
        and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
        # The key is the address alone: a page that differs by another header is not stored.
        and vary <= {"cookie"}
    )


def mark_private(response):
    """Never held by a CDN or a shared proxy, and not kept by the browser."""
    del response["Cache-Control"]
    patch_cache_control(response, private=True, no_cache=True, no_store=True)


def mark_public(response, seconds):
    """A CDN may hold the page as long as this cache does; browsers check again sooner."""
    del response["Cache-Control"]
    patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_BROWSER_SECONDS, s_maxage=seconds)


def cache_key(request):
    # A page names the static files of the release that made it: after a release that changes
    # them, a page stored before would ask for files the new servers no longer have.
    address = request.build_absolute_uri()
    return "page-cache:page:" + hashlib.sha256(f"{static_files_version()}:{address}".encode()).hexdigest()


def static_files_version():
    """The hash of collectstatic's manifest (it changes with any static file), or "" where
    static files are not collected under hashed names (development without collecting, tests)."""
    return getattr(staticfiles_storage, "manifest_hash", "") or ""


def fetch(request):
    """(the current generation, the stored response or None). One round trip to the cache.
    When the cache is down the page is made as if nothing were stored (generation None: not
    stored either)."""
    key = cache_key(request)
    try:
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        if generation is None:
            return start_generation(), None
    except Exception:
        logger.warning("Page cache unavailable: page made without it", exc_info=True)
        return None, None
    entry = found.get(key)
    if entry is None or entry[0] != generation:
        return generation, None
    _, status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return generation, response


def current_generation():
    """The generation number now (starting it if it is missing); None when the cache is down."""
    try:
        return cache.get(GENERATION_KEY) or start_generation()
    except Exception:
        logger.warning("Page cache unavailable: made without it", exc_info=True)
        return None


def start_generation():
    """First use, or the number was evicted: start it from the clock, so no entry stored under
    an earlier number can match (`add`: a server that started it a moment before wins)."""
    cache.add(GENERATION_KEY, time.time_ns(), None)
    return cache.get(GENERATION_KEY)


def cached_until_purge(name, make):
    """`make()`, kept in the shared cache until the next purge: for parts of pages, personal
    pages included, that show only what visitors see (published pages, the site's settings) and
    are slow to work out. `name` must say everything the value depends on. Off with the page
    cache (`PAGE_CACHE_SECONDS=0`), and made afresh when the cache is down."""
    seconds = settings.PAGE_CACHE_SECONDS
    generation = current_generation() if seconds > 0 else None
    if generation is None:
        return make()
    key = "page-cache:part:" + hashlib.sha256(f"{generation}:{name}".encode()).hexdigest()
    try:
        found = cache.get(key)
    except Exception:
        found = None
    if found is not None:
        return found
    value = make()
    try:
        cache.set(key, value, seconds)
    except Exception:
        logger.warning("Page cache unavailable: part not stored", exc_info=True)
    return value


def store(request, response, generation, seconds):
    headers = [(name, value) for name, value in response.items() if name.lower() not in ("set-cookie", "x-request-id")]
    try:
        cache.set(cache_key(request), (generation, response.status_code, headers, response.content), seconds)
    except Exception:
        logger.warning("Page cache unavailable: page not stored", exc_info=True)
        return
    response["X-Page-Cache"] = "miss"


def purge(**kwargs):
    """Make every stored page stale, on every server at once."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, time.time_ns(), None)
    except Exception:
        # A publish must not fail because the cache is down; stored pages expire by themselves.
        logger.error("Page cache purge failed: pages may stay stale until they expire", exc_info=True)


def purge_now_and_on_commit(**kwargs):
    """Purge now, and again once the change is committed: a page made between the two from
    the old data is not kept."""
    purge()
    transaction.on_commit(purge)


def page_saved(instance, update_fields=None, **kwargs):
    if instance.live and not (update_fields and set(update_fields) <= DRAFT_FIELDS):
        purge_now_and_on_commit()


def connect_purges():
    """Purge on Wagtail's publishing signals, on a live page's save, move or deletion, and on
    a save or deletion of the models anonymous pages show. Connected per model, so other
    models keep Django's fast bulk deletes."""
    labels = WAGTAIL_MODELS | {label.lower() for label in settings.PAGE_CACHE_PURGED_BY}
    for signal in (page_published, page_unpublished, published, unpublished, post_page_move):
        signal.connect(purge_now_and_on_commit, dispatch_uid="page_cache")
    for model in apps.get_models():
        uid = f"page_cache_{model._meta.label_lower}"
        if issubclass(model, Page):
            post_save.connect(page_saved, sender=model, dispatch_uid=uid)
            post_delete.connect(purge_now_and_on_commit, sender=model, dispatch_uid=uid)
        elif model._meta.label_lower in labels:
            post_save.connect(purge_now_and_on_commit, sender=model, dispatch_uid=uid)
            post_delete.connect(purge_now_and_on_commit, sender=model, dispatch_uid=uid)
