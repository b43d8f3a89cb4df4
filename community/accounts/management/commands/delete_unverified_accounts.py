"""`manage.py delete_unverified_accounts`: run daily by the scheduler. A sign-up whose email
address was never confirmed within 7 days is deleted, so the address is free again and no
personal data is kept for someone who never became a member."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from community.accounts.deletion import blockers, delete_account

UNVERIFIED_ACCOUNT_LIFETIME = timedelta(days=7)


def unverified_accounts(now=None):
    """Accounts signed up more than 7 days ago that have an email address, none of them
    confirmed, and have never signed in. Never the site team: staff, superusers and anyone in
    a group (accounts made in the Wagtail admin may have no confirmed address)."""
    cutoff = (now or timezone.now()) - UNVERIFIED_ACCOUNT_LIFETIME
    addresses = EmailAddress.objects.filter(user=OuterRef("pk"))
    return (
        get_user_model()
        .objects.filter(
            date_joined__lt=cutoff,
            last_login__isnull=True,
            is_active=True,
            is_staff=False,
            is_superuser=False,
            groups__isnull=True,
        )
        .filter(Exists(addresses))
        .exclude(Exists(addresses.filter(verified=True)))
        .order_by("pk")
    )


def delete_unverified_accounts(now=None):
    """Delete each such account through `delete_account` (so every app forgets what it held),
    then its row too: nothing was ever posted under it. Returns how many went."""
    deleted = 0
    for user in unverified_accounts(now):
        if blockers(user):
            continue
        with transaction.atomic():
            delete_account(user)
            user.delete()
        deleted += 1
    return deleted


class Command(BaseCommand):
    help = "Delete accounts whose email address was not confirmed within 7 days of signing up."

    def handle(self, *args, **options):
        deleted = delete_unverified_accounts()
        self.stdout.write(f"Deleted {deleted} unverified account{'s' if deleted != 1 else ''}.")
