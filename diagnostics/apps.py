from django.apps import AppConfig


class DiagnosticsConfig(AppConfig):
    name = "diagnostics"
    verbose_name = "Diagnostics"

    def ready(self):
        # Models (and modules that use them) can be imported only once the app registry is ready.
        from community.accounts.deletion import account_deleting
        from community.accounts.export import export_sections
        from source4networks.emails import email_kinds

        from . import emails, rounds

        for kind in emails.EMAIL_KINDS:
            email_kinds.register(kind)
        export_sections.register(rounds.export_section)
        account_deleting.connect(rounds.forget_respondent, dispatch_uid="diagnostics_forget_member")
