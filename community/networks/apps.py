from django.apps import AppConfig


class NetworksConfig(AppConfig):
    name = "community.networks"
    label = "networks"
    verbose_name = "Networks"

    def ready(self):
        # Models (and modules that use them) can be imported only once the app registry is ready.
        from community.accounts.deletion import account_deleting, deletion_blockers, deletion_notes
        from community.accounts.export import export_sections
        from community.accounts.views import account_summaries
        from community.members.views import profile_sections
        from source4networks.emails import email_kinds
        from source4networks.scheduling import ScheduledJob, scheduled_jobs
        from source4networks.search import SearchType, search_types
        from source4networks.sitemaps import sitemap_sections

        from . import contributions, emails, sitemaps
        from .membership import sole_leader_networks
        from .models import Network

        for kind in emails.EMAIL_KINDS:
            email_kinds.register(kind)
        sitemap_sections.register(sitemaps.NetworksSitemap)
        scheduled_jobs.register(ScheduledJob("delete_expired_invitations", "45 3 * * *"))
        export_sections.register(contributions.export_networks)
        account_deleting.connect(contributions.forget_member, dispatch_uid="networks_forget_member")
        deletion_blockers.register(sole_leader_networks)
        deletion_notes.register(contributions.DELETION_NOTE)
        account_summaries.register(contributions.account_summary)
        profile_sections.register(contributions.profile_networks)
        search_types.register(
            SearchType("networks", "Networks", "Network", Network, order=50, visible=contributions.listed_networks)
        )
