from django.apps import AppConfig


class DiscussionsConfig(AppConfig):
    name = "community.discussions"
    label = "discussions"
    verbose_name = "Discussions"

    def ready(self):
        # Models (and modules that use them) can be imported only once the app registry is ready.
        from community.accounts.deletion import account_deleting, deletion_notes
        from community.accounts.export import export_sections
        from community.members.saved import SavedSection, saved_sections
        from community.members.views import profile_activity
        from source4networks.emails import email_kinds
        from source4networks.home import home_context
        from source4networks.scheduling import ScheduledJob, scheduled_jobs
        from source4networks.search import SearchType, search_types
        from source4networks.sitemaps import sitemap_sections

        from . import contributions, notifications, sitemaps
        from .models import Post, Thread

        for kind in notifications.EMAIL_KINDS:
            email_kinds.register(kind)
        sitemap_sections.register(sitemaps.OpenSpacesSitemap)
        scheduled_jobs.register(ScheduledJob("send_digests", "0 7 * * *", ("--period", "daily")))
        scheduled_jobs.register(ScheduledJob("send_digests", "0 7 * * mon", ("--period", "weekly")))
        export_sections.register(contributions.export_discussions)
        account_deleting.connect(contributions.forget_member, dispatch_uid="discussions_forget_member")
        deletion_notes.register(contributions.DELETION_NOTE)
        saved_sections.register(SavedSection("community/discussions/_saved_threads.html", contributions.saved_threads))
        profile_activity.register(contributions.recent_threads)
        home_context.register(contributions.latest_threads)
        search_types.register(
            SearchType(
                "discussions",
                "Discussions",
                "Discussion thread",
                Thread,
                order=60,
                visible=contributions.readable_threads,
            )
        )
        search_types.register(
            SearchType("replies", "Replies", "Reply", Post, order=61, visible=contributions.readable_replies)
        )
