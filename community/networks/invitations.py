"""Inviting several people at once, and a leader's resending and withdrawing of invitations.

Several invitations go all together or not at all: every address is checked first (format,
already a member, already invited, twice in the list, the daily and pending limits of
membership.py), and if any is refused, none is sent and each refused line is named with its
reason. The daily limit is then counted for all of them in one atomic step of the shared cache,
so two leaders sending lists at the same moment cannot pass it together."""

import csv
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import ngettext

from source4networks import ratelimit

from . import emails
from .membership import (
    DAY,
    INVITATIONS_PER_DAY,
    PENDING_INVITATIONS,
    UNAVAILABLE_MESSAGE,
    LimitReached,
    MembershipError,
    invitation_limit_key,
    require_leader,
    require_open,
    take_invitation_limit,
    wait_text,
)
from .models import INVITATION_LIFETIME, Invitation, Membership, Network

MAX_ADDRESSES = 250  # more than a network may have waiting, so the limits say why
MAX_FILE_BYTES = 100_000
FILE_PROBLEM = "The file must be a CSV file saved as UTF-8, with one email address a row"


@dataclass(frozen=True)
class Entry:
    """One address as the leader gave it, and where: line 3 of the box or row 3 of the file."""

    number: int
    address: str
    where: str = "Line"

    def refused(self, reason):
        shown = self.address or "(empty)"
        return f"{self.where} {self.number}: {shown} {reason}"


class InvitationsRefused(MembershipError):
    """Some lines are refused, so nothing was sent; `problems` names each of them."""

    def __init__(self, problems):
        super().__init__(problems[0])
        self.problems = problems


def entries_from_text(text):
    """The non-blank lines of the box, numbered as the leader sees them."""
    return [Entry(number, line.strip()) for number, line in enumerate(text.splitlines(), 1) if line.strip()]


def entries_from_csv(uploaded):
    """The addresses of a CSV file: one column of addresses, with or without a header row (a
    first row without an @ is a header; a column headed "email" is chosen if there are several)."""
    if uploaded.size > MAX_FILE_BYTES:
        raise ValidationError("The file must be smaller than 100 KB")
    try:
        rows = list(csv.reader(io.StringIO(uploaded.read().decode("utf-8-sig"))))
    except (UnicodeDecodeError, csv.Error) as error:
        raise ValidationError(FILE_PROBLEM) from error
    entries, column = [], None
    for number, row in enumerate(rows, 1):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if column is None:
            headed = [n for n, cell in enumerate(cells) if "email" in cell.lower()]
            with_at = [n for n, cell in enumerate(cells) if "@" in cell]
            column = with_at[0] if with_at else (headed[0] if headed else 0)
            if not with_at:
                continue  # the header row
        entries.append(Entry(number, cells[column] if column < len(cells) else "", "Row"))
    return entries


def _valid_address(address):
    if len(address) > 254:
        return False
    try:
        validate_email(address)
    except ValidationError:
        return False
    return True


def _plural_invitations(count):
    return ngettext("%(count)d more invitation", "%(count)d more invitations", count) % {"count": count}


def check_entries(network, entries):
    """The addresses that may be invited, in order, and a message for each refused line."""
    addresses = [entry.address.lower() for entry in entries]
    members = set(
        Membership.objects.filter(network=network, status=Membership.Status.ACTIVE)
        .annotate(address=Lower("user__email"))
        .filter(address__in=addresses)
        .values_list("address", flat=True)
    )
    invited = set(
        Invitation.objects.usable().filter(network=network, email__in=addresses).values_list("email", flat=True)
    )
    pending_room = max(0, PENDING_INVITATIONS - Invitation.objects.usable().filter(network=network).count())
    sent_today = ratelimit.peek(invitation_limit_key(network), INVITATIONS_PER_DAY, DAY).count
    daily_room = max(0, INVITATIONS_PER_DAY - sent_today)
    seen, valid, problems = {}, [], []
    for entry, address in zip(entries, addresses, strict=True):
        if not _valid_address(address):
            problems.append(entry.refused("is not an email address in the correct format, like name@example.org"))
        elif address in seen:
            problems.append(entry.refused(f"is already in the list, on {entry.where.lower()} {seen[address]}"))
        elif address in members:
            problems.append(entry.refused("is already a member of this network"))
        elif address in invited:
            problems.append(entry.refused("has already been invited and the invitation has not expired"))
        elif len(valid) >= pending_room:
            problems.append(
                entry.refused(
                    f"is over the limit of {PENDING_INVITATIONS} invitations waiting for an answer: "
                    f"{network.name} can have {_plural_invitations(pending_room)} waiting"
                )
            )
        elif len(valid) >= daily_room:
            problems.append(
                entry.refused(
                    f"is over the limit of {INVITATIONS_PER_DAY} invitations a day: "
                    f"{network.name} can send {_plural_invitations(daily_room)} today"
                )
            )
        else:
            valid.append(address)
        seen.setdefault(address, entry.number)
    return valid, problems


@transaction.atomic
def invite_many(network, leader, entries):
    """Invite every address of `entries`, or none: raises InvitationsRefused naming each
    refused line, or LimitReached. Returns the invitations sent."""
    require_leader(network, leader)
    require_open(network)
    # The network's row lock makes lists sent at the same moment count one after another
    # against the pending limit (as membership.invite does).
    Network.objects.select_for_update().filter(pk=network.pk).first()
    valid, problems = check_entries(network, entries)
    if problems:
        raise InvitationsRefused(problems)
    result = ratelimit.hit(
        invitation_limit_key(network), INVITATIONS_PER_DAY, DAY, on_outage=ratelimit.REFUSE, amount=len(valid)
    )
    if result.unavailable and not result.allowed:
        raise LimitReached(UNAVAILABLE_MESSAGE)
    if not result.allowed:
        ratelimit.give_back(result)
        room = max(0, INVITATIONS_PER_DAY - (result.count - result.amount))
        raise LimitReached(
            f"{network.name} can send {_plural_invitations(room)} today ({INVITATIONS_PER_DAY} a day). "
            f"Nothing has been sent. Shorten the list, or try again in {wait_text(result.retry_after)}."
        )
    invitations = [Invitation.create(network, address, leader)[0] for address in valid]
    for invitation in invitations:
        emails.email_invitation(invitation)
    return invitations


def _usable_invitation(network, invitation_id):
    invitation = Invitation.objects.usable().select_for_update().filter(network=network, pk=invitation_id).first()
    if invitation is None:
        raise MembershipError("That invitation has already been accepted, withdrawn or declined, or it has expired.")
    return invitation


@transaction.atomic
def resend(network, leader, invitation_id):
    """Email the same link again, good for another 28 days; counts against the daily limit."""
    require_leader(network, leader)
    require_open(network)
    invitation = _usable_invitation(network, invitation_id)
    take_invitation_limit(network)
    now = timezone.now()
    invitation.last_sent_at = now
    invitation.expires_at = now + INVITATION_LIFETIME
    invitation.save(update_fields=["last_sent_at", "expires_at"])
    emails.email_invitation(invitation)
    return invitation


@transaction.atomic
def withdraw(network, leader, invitation_id):
    """The link stops working; whoever opens it is told the invitation was withdrawn."""
    require_leader(network, leader)
    invitation = _usable_invitation(network, invitation_id)
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    return invitation
