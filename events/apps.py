from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Events"

    def ready(self):
        # Models (and modules that use them) can be imported only once the app registry is ready.
        from source4networks.home import home_context
        from source4networks.search import SearchType, search_types

        from .models import EventPage

        search_types.register(SearchType("events", "Events", "Event", EventPage, order=30))
        home_context.register(EventPage.home_page_context)
