"""Delete my account: remove a member's personal data and close the account for good.

Apps that hold data about a member remove or anonymise it when `account_deleting` is sent
(connected in their AppConfig.ready()); apps whose rules can hold a deletion back (a network
must keep a leader) register a function in `deletion_blockers`."""

import uuid

from allauth.account.models import EmailAddress
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.db import transaction
from django.dispatch import Signal

from source4networks.registry import Registry

# Sent by delete_account before the account's own data is removed, with `user`.
account_deleting = Signal()

# Functions (user) -> things (with a name and an address) that must change before the account
# can be deleted: the networks this member leads alone.
deletion_blockers = Registry()


def account_emails(user):
    """Every address the member has used, lower-cased."""
    emails = set(EmailAddress.objects.filter(user=user).values_list("email", flat=True))
    if user.email:
        emails.add(user.email)
    return {email.lower() for email in emails}


def blockers(user):
    return [blocker for find in deletion_blockers for blocker in find(user)]


@transaction.atomic
def delete_account(user):
    """Remove a member's personal data and close the account so it can never sign in.

    The user row stays as an empty placeholder ("Former member") so that content other
    apps keep, such as discussion posts, still points somewhere; everything that said who
    the person was is removed. Callers check `blockers` first."""
    emails = account_emails(user)
    old_username = user.username
    account_deleting.send(sender=user.__class__, user=user)
    EmailAddress.objects.filter(user=user).delete()
    # Sign-in records name the person and their IP address.
    login_names = emails | {old_username.lower(), old_username}
    AccessAttempt.objects.filter(username__in=login_names).delete()
    AccessLog.objects.filter(username__in=login_names).delete()
    AccessFailureLog.objects.filter(username__in=login_names).delete()
    user.username = f"former-member-{uuid.uuid4().hex[:12]}"
    user.email = ""
    user.first_name = ""
    user.last_name = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.last_login = None
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    return user
