from django.apps import AppConfig
from django.db.models.signals import post_migrate


class Source4NetworksConfig(AppConfig):
    name = "source4networks"
    verbose_name = "Source4Networks site"

    def ready(self):
        # Models (and modules that use them) can be imported only once the app registry is ready.
        from .models import StandardPage
        from .page_cache import connect_purges
        from .scheduling import ScheduledJob, scheduled_jobs
        from .search import SearchType, search_types
        from .site_address import sync_wagtail_site

        search_types.register(SearchType("pages", "Pages", "Page", StandardPage, order=40))
        # Periodic commands of Wagtail, django-tasks-db and Django (docs/operations.md).
        scheduled_jobs.register(ScheduledJob("publish_scheduled", "*/5 * * * *"))
        scheduled_jobs.register(ScheduledJob("clearsessions", "0 3 * * *"))
        scheduled_jobs.register(ScheduledJob("prune_db_task_results", "30 3 * * *", ("--min-age-days", "7")))
        # After every migrate, Wagtail's Site record follows SITE_URL.
        post_migrate.connect(sync_wagtail_site, sender=self, dispatch_uid="s4n_sync_wagtail_site")
        # Publishing and the changes anonymous pages show purge the page cache (page_cache.py).
        connect_purges()
