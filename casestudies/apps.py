from django.apps import AppConfig


class CaseStudiesConfig(AppConfig):
    name = "casestudies"
    verbose_name = "Case studies"

    def ready(self):
        # Models (and modules that use them) can be imported only once the app registry is ready.
        from source4networks.home import featured_fallbacks
        from source4networks.search import SearchType, search_types

        from .models import CaseStudyPage

        search_types.register(SearchType("case-studies", "Case studies", "Case study", CaseStudyPage, order=20))
        featured_fallbacks.register(CaseStudyPage.home_page_choice)
