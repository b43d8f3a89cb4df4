from django.apps import AppConfig


class Source4NetworksConfig(AppConfig):
    name = "source4networks"
    verbose_name = "Source4Networks site"

    def ready(self):
        # Models (and modules that use them) can be imported only once the app registry is ready.
        from .models import StandardPage
        from .search import SearchType, search_types

        search_types.register(SearchType("pages", "Pages", "Page", StandardPage, order=40))
