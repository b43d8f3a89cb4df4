from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_save


class MembersConfig(AppConfig):
    name = "community.members"
    label = "members"
    verbose_name = "Members"

    def ready(self):
        # Models (and modules that use them) can be imported only once the app registry is ready.
        from community.accounts.deletion import account_deleting, deletion_notes, member_names
        from community.accounts.export import export_sections
        from community.accounts.views import account_summaries

        from . import contributions

        post_save.connect(contributions.create_profile, sender=settings.AUTH_USER_MODEL, dispatch_uid="create_profile")
        export_sections.register(contributions.export_profile)
        account_deleting.connect(contributions.forget_member, dispatch_uid="members_forget_member")
        account_summaries.register(contributions.account_summary)
        member_names.register(contributions.member_names)
        deletion_notes.register(contributions.DELETION_NOTE)
