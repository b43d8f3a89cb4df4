"""The community's addresses, one URL namespace ("community:") for its four apps. Included at
the site root, before Wagtail's pages. Order matters: the member directory's fixed words come
before the discussion spaces' slugs."""

from community.accounts import urls as accounts_urls
from community.discussions import urls as discussions_urls
from community.members import urls as members_urls
from community.networks import urls as networks_urls

app_name = "community"

urlpatterns = [
    *networks_urls.urlpatterns,
    *members_urls.urlpatterns,
    *discussions_urls.urlpatterns,
    *accounts_urls.urlpatterns,
]
