"""The site's URLs plus views that fail in the ways the error page tests need."""

from django.core.exceptions import PermissionDenied
from django.db import OperationalError
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.http import require_POST

from source4networks.urls import urlpatterns as site_urlpatterns


def forbidden_view(request):
    raise PermissionDenied


def database_down_view(request):
    raise OperationalError("could not connect to server")


@require_POST
def admin_post_only_view(request):
    return HttpResponse("posted")


urlpatterns = [
    path("test-forbidden/", forbidden_view),
    path("test-database-down/", database_down_view),
    path("admin/test-post-only/", admin_post_only_view),
    *site_urlpatterns,
]
