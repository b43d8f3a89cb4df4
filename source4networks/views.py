import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from .search import site_search
from .site_address import absolute_url

logger = logging.getLogger(__name__)


def csrf_failure(request, reason=""):
    """A form sent without a valid security token (a page open too long, cookies refused)."""
    return render(request, "403_csrf.html", status=403)


@require_GET
def search(request):
    return render(request, "source4networks/search.html", site_search(request))


@never_cache
@require_GET
def healthz(request):
    """200 when the database answers, 503 when it does not: for load balancers and monitoring."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        # The response says only "unavailable"; the log keeps the reason.
        logger.exception("Health check failed: the database did not answer")
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /account/",
        "Disallow: /search/",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


# Printed pages show each link's address after it: the NHS.UK frontend's print styles add
# " (Link: /resources/)", the href as written, a bare path on paper. A static stylesheet cannot
# know the site's address, so this one is made here, with SITE_URL. Links within the page, and
# links that already print their address (s4n-print-url), show none.
PRINT_CSS = """@media print {
  a[href^="/"]::after { content: " (Link: " %(site)s attr(href) ")"; overflow-wrap: anywhere; }
  a[href^="#"]::after, a[href^="?"]::after, a.s4n-print-url::after { content: none; }
}
"""


def css_string(text):
    """`text` as a quoted CSS string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "") + '"'


@require_GET
@cache_control(public=True, max_age=3600)
def print_css(request):
    """The print stylesheet's full addresses (see PRINT_CSS)."""
    return HttpResponse(PRINT_CSS % {"site": css_string(settings.SITE_URL)}, content_type="text/css")
