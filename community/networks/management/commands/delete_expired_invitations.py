"""`manage.py delete_expired_invitations`: run daily by the scheduler. An invitation that
expired unused holds someone's email address for nothing; accepted ones stay (they are part
of the member's own record)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from community.networks.models import Invitation


def delete_expired_invitations(now=None):
    """Delete invitations past their expiry that were never accepted (revoked ones too).
    Returns how many went."""
    expired = Invitation.objects.filter(accepted_at__isnull=True, expires_at__lte=now or timezone.now())
    _, per_model = expired.delete()
    return per_model.get(Invitation._meta.label, 0)


class Command(BaseCommand):
    help = "Delete network invitations that expired without being accepted."

    def handle(self, *args, **options):
        deleted = delete_expired_invitations()
        self.stdout.write(f"Deleted {deleted} expired invitation{'s' if deleted != 1 else ''}.")
