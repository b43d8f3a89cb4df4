from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "Resources"

    def ready(self):
        # Models (and modules that use them) can be imported only once the app registry is ready.
        from source4networks.home import featured_fallbacks
        from source4networks.search import SearchType, search_types

        from .models import ResourcePage

        search_types.register(SearchType("resources", "Resources", "Resource", ResourcePage, order=10))
        featured_fallbacks.register(ResourcePage.home_page_choice)
