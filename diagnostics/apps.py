from django.apps import AppConfig


class DiagnosticsConfig(AppConfig):
    name = "diagnostics"
    verbose_name = "Diagnostics"

    def ready(self):
        from community.account import EXPORT_SECTIONS
        from community.signals import account_deleting

        from . import rounds

        if rounds.export_section not in EXPORT_SECTIONS:
            EXPORT_SECTIONS.append(rounds.export_section)
        account_deleting.connect(_forget_round_respondent, dispatch_uid="diagnostics_forget_round_respondent")


def _forget_round_respondent(sender, user, **kwargs):
    # A deleted member's round answers stay only inside the anonymous aggregates.
    from .rounds import forget_respondent

    forget_respondent(user)
