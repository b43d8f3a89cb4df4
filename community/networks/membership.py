"""The rules of network membership, kept out of the views so every route to an action
(web page, admin, demo loader, tests) obeys them. Each function raises MembershipError with
a message for the person when the rule says no."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from community.accounts.access import holds_address, is_verified
from community.networks import emails
from community.networks.models import Invitation, JoinPolicy, Membership, Network
from source4networks import ratelimit

RESERVED_SLUGS = {"new", "invitations"}

# The figures from the specification (section 4): keep them exactly.
INVITATIONS_PER_DAY = 50  # sent by one network
PENDING_INVITATIONS = 200  # usable invitations one network may have waiting
JOIN_REQUESTS = 3  # times one member may ask to join one network...
JOIN_REQUEST_WINDOW = 30 * 86400  # ...in 30 days
DAY = 86400
UNAVAILABLE_MESSAGE = (
    "Invitations cannot be sent just now because part of the service is unavailable. Try again in a few minutes."
)


class MembershipError(Exception):
    """A membership action the rules refuse; str(error) is shown to the person."""


class LimitReached(MembershipError):
    """A limit on invitations or join requests refuses the action."""


def wait_text(seconds):
    hours = -(-seconds // 3600)
    if hours <= 48:
        return f"{hours} hour{'s' if hours != 1 else ''}"
    return f"{-(-hours // 24)} days"


def invitation_limit_key(network):
    return f"invitations:{network.pk}"


def take_invitation_limit(network):
    """Count one invitation from `network` against its daily limit, or raise LimitReached.
    One atomic cache operation decides, so invitations sent at the same moment cannot
    pass the limit together."""
    # Each invitation is an email: refused while the limit cannot be counted (docs/faults.md).
    result = ratelimit.hit(invitation_limit_key(network), INVITATIONS_PER_DAY, DAY, on_outage=ratelimit.REFUSE)
    if result.unavailable and not result.allowed:
        raise LimitReached(UNAVAILABLE_MESSAGE)
    if not result.allowed:
        ratelimit.give_back(result)
        raise LimitReached(
            f"{network.name} has sent {INVITATIONS_PER_DAY} invitations today, the most a network can send "
            f"in a day. Try again in {wait_text(result.retry_after)}."
        )


def take_join_request_limit(network, user):
    """Count one request to join `network` by `user`, or raise LimitReached (see
    take_invitation_limit). Each request emails the leaders, so asking and withdrawing
    over and over would flood them."""
    # Members can still ask while the limit cannot be counted: one pending request at a time,
    # so an outage lets through only ask-withdraw-ask cycles (docs/faults.md).
    result = ratelimit.hit(
        f"join-requests:{network.pk}:{user.pk}", JOIN_REQUESTS, JOIN_REQUEST_WINDOW, on_outage=ratelimit.ALLOW
    )
    if not result.allowed:
        ratelimit.give_back(result)
        raise LimitReached(
            f"You have asked to join {network.name} {JOIN_REQUESTS} times recently, the most you can in "
            f"30 days. Try again in {wait_text(result.retry_after)}."
        )


def display_name(user):
    profile = getattr(user, "profile", None)
    return profile.display_name if profile else user.get_username()


def membership_of(network, user):
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(network=network, user=user).first()


def is_leader(network, user):
    membership = membership_of(network, user)
    return bool(membership and membership.is_leader)


def require_leader(network, user):
    if not is_leader(network, user):
        raise MembershipError("Only the network's leaders can do that.")


def require_open(network):
    """A closed network takes no new members: no joining, requests or invitations."""
    if network.is_closed:
        raise MembershipError(f"{network.name} has closed: it takes no new members.")


def _lock_leaders(network):
    """Lock the network's leader rows, so two leaders stepping down at once cannot leave
    the network with none (PostgreSQL; SQLite serialises writes anyway)."""
    return list(
        Membership.objects.select_for_update().filter(
            network=network, role=Membership.Role.LEADER, status=Membership.Status.ACTIVE
        )
    )


def unique_slug(name):
    base = slugify(name)[:150] or "network"
    if base in RESERVED_SLUGS:
        base = f"{base}-network"
    slug, number = base, 2
    while Network.objects.filter(slug=slug).exists():
        slug = f"{base}-{number}"
        number += 1
    return slug


@transaction.atomic
def create_network(user, form):
    """Save a new network from a valid NetworkForm; its creator becomes its leader."""
    if not is_verified(user):
        raise MembershipError("Confirm your email address before you create a network.")
    network = form.save(commit=False)
    network.slug = unique_slug(network.name)
    network.created_by = user
    network.save()
    form.save_m2m()
    Membership.objects.create(
        network=network,
        user=user,
        role=Membership.Role.LEADER,
        status=Membership.Status.ACTIVE,
        show_on_network_page=True,
        joined_at=timezone.now(),
    )
    return network


@transaction.atomic
def join(network, user):
    """Join an open network, or ask to join one that takes requests."""
    if not is_verified(user):
        raise MembershipError("Confirm your email address before you join a network.")
    require_open(network)
    existing = membership_of(network, user)
    if existing and existing.is_active:
        raise MembershipError(f"You are already a member of {network.name}.")
    if existing:
        raise MembershipError(f"You have already asked to join {network.name}. A leader will decide soon.")
    if network.join_policy == JoinPolicy.INVITATION:
        raise MembershipError(f"{network.name} takes new members by invitation only.")
    if network.join_policy == JoinPolicy.OPEN:
        return Membership.objects.create(
            network=network, user=user, status=Membership.Status.ACTIVE, joined_at=timezone.now()
        )
    take_join_request_limit(network, user)
    membership = Membership.objects.create(network=network, user=user, status=Membership.Status.PENDING)
    emails.email_join_request(membership)
    return membership


@transaction.atomic
def leave(network, user):
    """Leave a network, or withdraw a request to join it."""
    membership = membership_of(network, user)
    if membership is None:
        raise MembershipError(f"You are not a member of {network.name}.")
    if membership.is_leader:
        leaders = _lock_leaders(network)
        if len(leaders) <= 1:
            raise MembershipError(
                f"You are the only leader of {network.name}, and a network must always have a leader. "
                "Make another member a leader before you leave."
            )
    membership.delete()


def _pending_request(network, membership_id):
    membership = Membership.objects.filter(
        network=network, pk=membership_id, status=Membership.Status.PENDING
    ).select_related("user", "user__profile")
    membership = membership.first()
    if membership is None:
        raise MembershipError("That request has already been dealt with.")
    return membership


@transaction.atomic
def approve(network, leader, membership_id):
    require_leader(network, leader)
    require_open(network)
    membership = _pending_request(network, membership_id)
    membership.status = Membership.Status.ACTIVE
    membership.joined_at = timezone.now()
    membership.save(update_fields=["status", "joined_at"])
    emails.email_request_decision(network, membership.user, approved=True)
    return membership


@transaction.atomic
def decline(network, leader, membership_id):
    require_leader(network, leader)
    membership = _pending_request(network, membership_id)
    membership.delete()
    emails.email_request_decision(network, membership.user, approved=False)
    return membership


def _active_member(network, membership_id):
    membership = (
        Membership.objects.filter(network=network, pk=membership_id, status=Membership.Status.ACTIVE)
        .select_related("user", "user__profile")
        .first()
    )
    if membership is None:
        raise MembershipError("That person is not a member of this network.")
    return membership


@transaction.atomic
def remove(network, leader, membership_id):
    """A leader removes a member (or another leader, as long as one leader remains)."""
    require_leader(network, leader)
    membership = _active_member(network, membership_id)
    if membership.role == Membership.Role.LEADER:
        leaders = _lock_leaders(network)
        if len(leaders) <= 1:
            raise MembershipError(
                f"{display_name(membership.user)} is the only leader of {network.name}, and a network must "
                "always have a leader. Make another member a leader first."
            )
    membership.delete()
    return membership


@transaction.atomic
def promote(network, leader, membership_id):
    """A leader makes a member a leader too. Leaders are always shown on the network page."""
    require_leader(network, leader)
    membership = _active_member(network, membership_id)
    if membership.role == Membership.Role.LEADER:
        raise MembershipError(f"{display_name(membership.user)} is already a leader.")
    membership.role = Membership.Role.LEADER
    membership.show_on_network_page = True
    membership.save(update_fields=["role", "show_on_network_page"])
    return membership


@transaction.atomic
def demote(network, leader, membership_id):
    """A leader steps down, or makes another leader a member again; the network keeps at
    least one leader. The member stays shown on the page until they choose otherwise."""
    require_leader(network, leader)
    membership = _active_member(network, membership_id)
    if membership.role != Membership.Role.LEADER:
        raise MembershipError(f"{display_name(membership.user)} is not a leader.")
    if len(_lock_leaders(network)) <= 1:
        who = "You are" if membership.user_id == leader.pk else f"{display_name(membership.user)} is"
        raise MembershipError(
            f"{who} the only leader of {network.name}, and a network must always have a leader. "
            "Make another member a leader first."
        )
    membership.role = Membership.Role.MEMBER
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def invite(network, leader, email):
    """A leader invites someone by email. Returns the invitation; the email holds the only
    copy of its link."""
    require_leader(network, leader)
    require_open(network)
    # Lock the network's row so that invitations sent at the same moment are counted one
    # after another against the pending limit.
    Network.objects.select_for_update().filter(pk=network.pk).first()
    if Invitation.objects.usable().filter(network=network).count() >= PENDING_INVITATIONS:
        raise LimitReached(
            f"{network.name} has {PENDING_INVITATIONS} invitations waiting for an answer, the most a network "
            "can have. You can invite more people when some of them accept or their invitations expire."
        )
    take_invitation_limit(network)
    invitation, _token = Invitation.create(network, email, leader)
    emails.email_invitation(invitation)
    return invitation


def invitation_problem(invitation):
    """Why an invitation cannot be used, or None."""
    if invitation.accepted_at is not None:
        return "used"
    # Closing withdraws the invitations waiting: say why.
    if invitation.network.is_closed:
        return "closed"
    if invitation.revoked_at is not None:
        return "revoked"
    if invitation.is_expired:
        return "expired"
    if invitation.network.hidden:
        return "revoked"
    return None


def masked_email(email):
    """An address with most of its name hidden (j***@example.org): enough for the invitee to
    recognise it, without handing the whole address to anyone else who holds the link."""
    name, _at, domain = email.partition("@")
    return f"{name[:1]}***@{domain}"


def invitation_holder_problem(invitation, user):
    """Why this person may not use the invitation, or None. Whoever holds the link may not be
    the person it was sent to: only someone signed in with the invited address, confirmed, may
    accept or decline it. "signed_out", "unconfirmed" (the address is theirs but not confirmed
    yet) or "other_address"."""
    if not user.is_authenticated:
        return "signed_out"
    if holds_address(user, invitation.email):
        return None
    if holds_address(user, invitation.email, verified=False):
        return "unconfirmed"
    return "other_address"


@transaction.atomic
def accept_invitation(invitation, user):
    """Use an invitation: the member joins the network (a pending request becomes
    membership). The invitation cannot be used again."""
    invitation = Invitation.objects.select_for_update().select_related("network").get(pk=invitation.pk)
    problem = invitation_problem(invitation)
    if problem == "used":
        raise MembershipError("This invitation has already been used.")
    if problem == "expired":
        raise MembershipError("This invitation has expired.")
    if problem == "closed":
        raise MembershipError(f"{invitation.network.name} has closed: it takes no new members.")
    if problem:
        raise MembershipError("This invitation has been withdrawn.")
    holder_problem = invitation_holder_problem(invitation, user)
    if holder_problem == "unconfirmed":
        raise MembershipError("Confirm your email address before you join a network.")
    if holder_problem:
        raise MembershipError(
            f"This invitation was sent to {masked_email(invitation.email)}. Sign in with that address to accept it."
        )
    network = invitation.network
    membership, created = Membership.objects.get_or_create(
        network=network, user=user, defaults={"status": Membership.Status.ACTIVE, "joined_at": timezone.now()}
    )
    if not created and not membership.is_active:
        membership.status = Membership.Status.ACTIVE
        membership.joined_at = timezone.now()
        membership.save(update_fields=["status", "joined_at"])
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def decline_invitation(invitation):
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])


def sole_leader_networks(user):
    """Networks this member leads alone: their account cannot be deleted while these
    would be left without a leader."""
    led = Membership.objects.filter(user=user, role=Membership.Role.LEADER, status=Membership.Status.ACTIVE)
    networks = []
    for membership in led.select_related("network"):
        others = (
            Membership.objects.filter(
                network=membership.network, role=Membership.Role.LEADER, status=Membership.Status.ACTIVE
            )
            .exclude(user=user)
            .exists()
        )
        if not others:
            networks.append(membership.network)
    return networks
