"""The site's addresses. This is the one place that names every app: fixed addresses first,
then Wagtail's page tree for every other path."""

from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from community import urls as community_urls
from diagnostics import urls as diagnostics_urls
from events.views import EVENT_ICS_URL_PATTERN, event_ics_view

from . import bench_views, media, sitemaps, views
from .unavailable import server_error

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", views.search, name="search"),
    path("diagnostics/", include(diagnostics_urls)),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("print.css", views.print_css, name="print_css"),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.section, name="sitemap_section"),
    path("accounts/", include("allauth.urls")),
    path("", include(community_urls)),
    # /events/<slug>/event.ics: Wagtail's page paths cannot hold a dot, so it is routed here.
    re_path(EVENT_ICS_URL_PATTERN, event_ics_view, name="event_ics"),
]

# Uploaded files, when they are on this machine's disk (source4networks/media.py).
urlpatterns += media.urlpatterns()

if settings.BENCH_BASELINE:
    urlpatterns += [path("_bench/baseline/", bench_views.baseline, name="bench_baseline")]

# Wagtail serves every other path from the page tree; keep it last.
urlpatterns += [path("", include(wagtail_urls))]

# A database outage answers the 503 page, any other failure the 500 page.
handler500 = server_error
