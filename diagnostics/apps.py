from django.apps import AppConfig


class DiagnosticsConfig(AppConfig):
    name = "diagnostics"
    verbose_name = "Diagnostics"

    def ready(self):
        # Models (and modules that use them) can be imported only once the app registry is ready.
        from community.accounts.deletion import account_deleting, deletion_notes
        from community.accounts.export import export_sections
        from community.accounts.views import account_sections
        from community.networks.views import network_page_sections
        from source4networks.emails import email_kinds
        from source4networks.registry import PageSection
        from source4networks.scheduling import ScheduledJob, scheduled_jobs

        from . import contributions, emails

        for kind in emails.EMAIL_KINDS:
            email_kinds.register(kind)
        export_sections.register(contributions.export_diagnostics)
        account_deleting.connect(contributions.forget_member, dispatch_uid="diagnostics_forget_member")
        deletion_notes.register(contributions.DELETION_NOTE)
        account_sections.register(PageSection("diagnostics/my_diagnostics.html", contributions.my_diagnostics))
        network_page_sections.register(
            PageSection("diagnostics/rounds/network_page_rounds.html", contributions.network_open_rounds)
        )
        # Every hour, so each round's automatic reminder goes within the hour of its moment.
        scheduled_jobs.register(ScheduledJob("send_round_reminders", "20 * * * *"))
