"""Delete my account: remove a member's personal data and close the account for good.

Apps that hold data about a member remove or anonymise it when `account_deleting` is sent
(connected in their AppConfig.ready()); apps whose rules can hold a deletion back (a network
must keep a leader) register a function in `deletion_blockers`; each app says on the delete
page what goes and what stays without a name by registering a `DeletionNote` in
`deletion_notes`.

What stays pointing at the account's placeholder row ("Former member"): threads and posts, and
the editorial history of site-team accounts in the Wagtail admin (pages they own, revisions,
comments, log entries of what they did). Everything else that names or describes the person
is deleted, or keeps no link to them."""

import uuid
from dataclasses import dataclass
from functools import reduce
from operator import or_

from allauth.account.models import EmailAddress
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Q
from django.dispatch import Signal
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.admin.models import EditingSession, FormState
from wagtail.models import ModelLogEntry, PageSubscription, ReferenceIndex
from wagtail.users.models import UserProfile

from source4networks.registry import Registry

# Sent by delete_account before the account's own data is removed, with `user`.
account_deleting = Signal()

# Functions (user) -> things (with a name and an address) that must change before the account
# can be deleted: the networks this member leads alone.
deletion_blockers = Registry()

# Functions (user) -> other names the member is shown by (the display name of their profile),
# so that records naming them can be found.
member_names = Registry()


@dataclass(frozen=True)
class DeletionNote:
    """What the delete page tells the member about one app's data: sentences (lower case, no
    full stop) for what is deleted and for what stays without their name."""

    deleted: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()


# DeletionNotes, registered by each app that holds data about members.
deletion_notes = Registry()
deletion_notes.register(
    DeletionNote(
        deleted=(
            "your email addresses, password and sign-in records",
            "our records of emails sent to you or about you",
        )
    )
)


def what_happens():
    """(what is deleted, what stays without a name): the delete page's two lists."""
    notes = list(deletion_notes)
    return [s for note in notes for s in note.deleted], [s for note in notes for s in note.kept]


def account_emails(user):
    """Every address the member has used, lower-cased."""
    emails = set(EmailAddress.objects.filter(user=user).values_list("email", flat=True))
    if user.email:
        emails.add(user.email)
    return {email.lower() for email in emails}


def blockers(user):
    return [blocker for find in deletion_blockers for blocker in find(user)]


def _any(lookup, values):
    return reduce(or_, (Q(**{lookup: value}) for value in values), Q(pk__in=[]))


# Tasks that take a member's id name the keyword argument after the person: user_id,
# recipient_ids, member_id, leader_id...
_PERSON_WORDS = ("user", "member", "recipient", "leader")


def _names_id(value, user_id, key=""):
    """Whether task arguments (JSON) hold `user_id` under a keyword naming a person."""
    if isinstance(value, dict):
        return any(_names_id(item, user_id, str(name)) for name, item in value.items())
    if isinstance(value, list):
        return any(_names_id(item, user_id, key) for item in value)
    names_person = any(word in key.lower() for word in _PERSON_WORDS) and key.lower().endswith(("id", "ids"))
    return names_person and not isinstance(value, bool) and value in (user_id, str(user_id))


def forget_task_results(user, emails, names):
    """Delete queued and finished tasks that name the member: by address or id in their
    arguments; finished ones also by name anywhere (they are only a record of what was sent).
    A running task is left to finish."""
    text_fields = ("args_kwargs", "return_value", "traceback")
    by_address = Q()
    for field in text_fields:
        by_address |= _any(f"{field}__icontains", emails)
    by_name = Q()
    for field in text_fields:
        by_name |= _any(f"{field}__icontains", names)
    waiting_or_done = DBTaskResult.objects.exclude(status=TaskResultStatus.RUNNING)
    finished = waiting_or_done.exclude(status=TaskResultStatus.READY)
    doomed = set(waiting_or_done.filter(by_address).values_list("pk", flat=True))
    doomed |= set(finished.filter(by_name).values_list("pk", flat=True))
    for pk, args in waiting_or_done.values_list("pk", "args_kwargs").iterator():
        if _names_id(args, user.pk):
            doomed.add(pk)
    DBTaskResult.objects.filter(pk__in=doomed).delete()


def forget_sessions(user):
    """Sign the member out everywhere: their sessions hold their id."""
    doomed = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get("_auth_user_id") == str(user.pk)
    ]
    Session.objects.filter(pk__in=doomed).delete()


def forget_wagtail_rows(user, new_username):
    """The member's own rows in the Wagtail admin, and what the admin recorded about the account."""
    for profile in UserProfile.objects.filter(user=user):
        if profile.avatar:
            profile.avatar.delete(save=False)
        profile.delete()
    PageSubscription.objects.filter(user=user).delete()
    EditingSession.objects.filter(user=user).delete()
    FormState.objects.filter(user=user).delete()
    user_type = ContentType.objects.get_for_model(user, for_concrete_model=False)
    # Log entries of the site team's changes to this account keep the change, not the name.
    ModelLogEntry.objects.filter(content_type=user_type, object_id=str(user.pk)).update(label=new_username, data={})
    # Wagtail's record of which objects point at the account; other apps have just unlinked them.
    ReferenceIndex.objects.filter(to_content_type=user_type, to_object_id=str(user.pk)).delete()


@transaction.atomic
def delete_account(user):
    """Remove a member's personal data and close the account so it can never sign in.

    The user row stays as an empty placeholder ("Former member") so that content other
    apps keep, such as discussion posts, still points somewhere; everything that said who
    the person was is removed. Callers check `blockers` first."""
    emails = account_emails(user)
    old_username = user.username
    full_name = user.get_full_name()
    names = {old_username, *(name for find in member_names for name in find(user))}
    if full_name:
        names.add(full_name)
    names.discard("")
    account_deleting.send(sender=user.__class__, user=user)
    EmailAddress.objects.filter(user=user).delete()
    # Sign-in records name the account as axes counts it (`user:<id>`, see axes.py) or as typed.
    login_names = emails | {old_username, f"user:{user.pk}"}
    AccessAttempt.objects.filter(_any("username__iexact", login_names)).delete()
    AccessLog.objects.filter(_any("username__iexact", login_names)).delete()
    AccessFailureLog.objects.filter(_any("username__iexact", login_names)).delete()
    forget_task_results(user, emails, names)
    forget_sessions(user)
    user.username = f"former-member-{uuid.uuid4().hex[:12]}"
    forget_wagtail_rows(user, user.username)
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
