"""The site's URLs plus views that meet a database outage, for the 503 page tests."""

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.urls import path

from source4networks.urls import handler500  # noqa: F401 (Django reads handler500)
from source4networks.urls import urlpatterns as site_urlpatterns


def database_down_view(request):
    raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")


def connection_lost_view(request):
    raise InterfaceError("connection already closed")


def session_writing_view(request):
    # The view succeeds; saving the session on the way out is what meets the outage.
    request.session["seen"] = True
    return HttpResponse("ok")


def broken_view(request):
    raise RuntimeError("Deliberate failure that is not the database")


urlpatterns = [
    path("test-database-down/", database_down_view),
    path("test-connection-lost/", connection_lost_view),
    path("test-session-write/", session_writing_view),
    path("test-broken/", broken_view),
    *site_urlpatterns,
]
