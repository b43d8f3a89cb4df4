"""The site's URLs plus one view that fails, to see the 500 page a visitor would get."""

from django.urls import path

from source4networks.urls import urlpatterns as site_urlpatterns


def failing_view(request):
    raise RuntimeError("Deliberate failure for the 500 page test")


urlpatterns = [path("test-failure/", failing_view), *site_urlpatterns]
