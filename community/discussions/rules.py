"""Who may read, post in and moderate discussions. One set of rules, used by the pages,
site search, notifications, digests, profiles and the data export alike."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from community.accounts.access import MODERATORS_GROUP, _group_names, is_verified
from community.discussions.models import Space, SpaceKind, Suspension, Thread
from community.networks.models import Membership


def is_moderator(user):
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or MODERATORS_GROUP in _group_names(user)


def _network_ids(user):
    """The networks this member belongs to (remembered for the request)."""
    if not hasattr(user, "_s4n_network_ids"):
        user._s4n_network_ids = set(
            Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).values_list("network_id", flat=True)
        )
    return user._s4n_network_ids


def readable_spaces_q(user, prefix=""):
    """A Q object selecting the spaces `user` may read. `prefix` lets other models filter
    through their relation to Space, e.g. prefix="space__" on Thread."""
    if is_moderator(user):
        return Q()
    active = Q(**{f"{prefix}active": True})
    allowed = Q(**{f"{prefix}kind": SpaceKind.OPEN})
    if user.is_authenticated and user.is_active:
        allowed |= Q(**{f"{prefix}kind": SpaceKind.MEMBERS})
        allowed |= Q(**{f"{prefix}kind": SpaceKind.NETWORK, f"{prefix}network_id__in": _network_ids(user)})
    return active & allowed


def can_read_space(user, space):
    if is_moderator(user):
        return True
    if not space.active:
        return False
    if space.kind == SpaceKind.OPEN:
        return True
    if not user.is_authenticated or not user.is_active:
        return False
    if space.kind == SpaceKind.MEMBERS:
        return True
    return space.network_id in _network_ids(user)


def readable_spaces(user):
    return Space.objects.filter(readable_spaces_q(user))


def visible_threads(user):
    """Threads `user` may see: in spaces they may read, and not hidden (moderators see all)."""
    threads = Thread.objects.filter(readable_spaces_q(user, "space__"))
    if not is_moderator(user):
        threads = threads.filter(hidden=False)
    return threads


def can_see_thread(user, thread):
    return can_read_space(user, thread.space) and (not thread.hidden or is_moderator(user))


def active_suspension(user):
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_s4n_suspension"):
        user._s4n_suspension = Suspension.objects.filter(user=user, lifted_at__isnull=True).first()
    return user._s4n_suspension


def posting_refusal(user, space, thread=None):
    """Why `user` may not post in `space` (or reply to `thread`), or None if they may."""
    if not user.is_authenticated:
        return "sign-in"
    if not can_read_space(user, space):
        return "no-access"
    if not is_verified(user):
        return "unverified"
    if active_suspension(user):
        return "suspended"
    # A closed network's private space is kept to read, locked for everyone (networks/archiving.py).
    if space.kind == SpaceKind.NETWORK and space.network_id and space.network.is_closed:
        return "network-closed"
    if thread is not None and thread.locked:
        return "locked"
    return None


def can_post(user, space, thread=None):
    return posting_refusal(user, space, thread) is None


def can_edit_post(user, post):
    """Authors edit and delete their own posts while they may still post in the space."""
    return (
        user.is_authenticated
        and post.author_id == user.pk
        and not post.is_deleted
        and not post.hidden
        and can_post(user, post.thread.space)
    )


def can_report(user, post):
    return (
        user.is_authenticated
        and is_verified(user)
        and post.author_id != user.pk
        and not post.is_deleted
        and can_see_thread(user, post.thread)
    )


NEW_ACCOUNT_AGE = timedelta(hours=24)


def is_new_account(user, now=None):
    return (now or timezone.now()) - user.date_joined < NEW_ACCOUNT_AGE
