"""Uploaded files (MEDIA_URL) served by Django when they are on this machine's disk, in
production too: fine for one machine; a proxy or an object store serves them better at scale
(docs/operations.md). Wagtail documents never come this way: they go through Wagtail's serve
view, which checks their collection's privacy."""

import re

from django.conf import settings
from django.http import Http404
from django.urls import re_path
from django.views.static import serve

# Renditions and avatars keep their name for life (a new upload gets a new name), so caches may
# hold them; a day bounds how long a removed picture can still be seen.
MEDIA_CACHE_CONTROL = "public, max-age=86400"
# What a browser may do with an uploaded file opened on its own: nothing active.
MEDIA_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
# Folders under MEDIA_ROOT that must not be read directly.
PRIVATE_FOLDERS = ("documents/",)


def media(request, path):
    if path.startswith(PRIVATE_FOLDERS) or "/." in f"/{path}":
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = MEDIA_CACHE_CONTROL
    response["Content-Security-Policy"] = MEDIA_CSP
    return response


def urlpatterns():
    """The media address, when this site serves its media itself (SERVE_MEDIA)."""
    if not settings.SERVE_MEDIA or not settings.MEDIA_URL.startswith("/"):
        return []
    prefix = settings.MEDIA_URL.lstrip("/")
    return [re_path(rf"^{re.escape(prefix)}(?P<path>.*)$", media, name="media")]
