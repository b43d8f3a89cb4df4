from django.apps import AppConfig


class Source4NetworksConfig(AppConfig):
    name = "source4networks"
    verbose_name = "Source4Networks site"

    def ready(self):
        from .models import StandardPage  # models load only once apps are ready
        from .search import SearchType, search_types

        search_types.register(SearchType("pages", "Pages", "Page", StandardPage, order=40))
