from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "community.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        # Models (and modules that use them) can be imported only once the app registry is ready.
        from source4networks.emails import email_kinds
        from source4networks.scheduling import ScheduledJob, scheduled_jobs

        from .emails import EMAIL_KINDS

        for kind in EMAIL_KINDS:
            email_kinds.register(kind)
        scheduled_jobs.register(ScheduledJob("delete_unverified_accounts", "15 3 * * *"))
