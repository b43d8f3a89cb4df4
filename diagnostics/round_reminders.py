"""Reminding the members who have not answered a round (PRODUCT.md 6.1).

- A leader can send a reminder while an online round is open, at most once every 48 hours
  (counted from the last reminder of either kind, so members are not written to twice in two
  days); a refusal says from when it is possible again.
- An automatic reminder goes 3 days before the closing date (``manage.py send_round_reminders``,
  run by the scheduler), once per round, to a round that was already open at that moment.
- Both go only to the network's active members who have not submitted their answers (an
  unfinished draft has not been submitted). Whether a member has submitted is checked again
  when each email is built, so someone who submits meanwhile gets nothing. The leader is never
  told who was reminded: the page says only that reminders went.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from community.networks.membership import is_leader
from source4networks.emails import send_templated_email

from . import emails
from .models import NetworkRound
from .rounds import RoundError, lock

#: A leader's reminders are at least this far apart.
REMINDER_INTERVAL = timedelta(hours=48)
#: The automatic reminder goes this long before the round closes.
AUTOMATIC_BEFORE_CLOSE = timedelta(days=3)


def last_reminder(round_):
    sent = [moment for moment in (round_.reminded_at, round_.auto_reminded_at) if moment]
    return max(sent) if sent else None


def next_reminder_at(round_):
    """The moment a leader may send the next reminder, or None if they may now."""
    last = last_reminder(round_)
    if last is None or timezone.now() >= last + REMINDER_INTERVAL:
        return None
    return last + REMINDER_INTERVAL


def _queue(round_) -> int:
    recipients = emails.non_respondent_ids(round_)
    for user_id in recipients:
        send_templated_email(emails.ROUND_REMINDER, user_id=user_id, round_id=round_.pk)
    return len(recipients)


def send_reminder(round_, leader) -> int:
    """A leader's reminder; returns how many were queued (for the tests: the page never says)."""
    if not is_leader(round_.network, leader):
        raise RoundError("Only the network's leaders can send a reminder.")
    if round_.is_paper:
        raise RoundError("This is a paper round: members answer on the paper forms you give them, not on the site.")
    with transaction.atomic():
        locked = lock(round_)
        if not locked.is_open:
            raise RoundError("This round is closed, so there is nothing to remind members about.")
        possible = next_reminder_at(locked)
        if possible is not None:
            when = timezone.localtime(possible)
            raise RoundError(
                "A reminder was sent less than 48 hours ago. You can send another from "
                f"{when:%H:%M} on {when.day} {when:%B %Y}."
            )
        locked.reminded_at = timezone.now()
        locked.save(update_fields=["reminded_at"])
        count = _queue(locked)
    round_.reminded_at = locked.reminded_at
    return count


def due_for_automatic_reminder(now=None):
    """Open online rounds whose closing date is at most 3 days away, that were already open
    3 days before it (a round opened for a shorter time has just been announced), and that
    have not had their automatic reminder."""
    now = now or timezone.now()
    return NetworkRound.objects.filter(
        mode=NetworkRound.Mode.ONLINE,
        closed=False,
        closes_at__gt=now,
        closes_at__lte=now + AUTOMATIC_BEFORE_CLOSE,
        created_at__lte=F("closes_at") - AUTOMATIC_BEFORE_CLOSE,
        auto_reminded_at__isnull=True,
    )


def send_automatic_reminders(now=None) -> tuple[int, int]:
    """Send each due round its automatic reminder, once; returns (rounds, emails queued)."""
    now = now or timezone.now()
    rounds_sent = emails_queued = 0
    for pk in list(due_for_automatic_reminder(now).values_list("pk", flat=True)):
        with transaction.atomic():
            locked = NetworkRound.objects.select_for_update().select_related("network").get(pk=pk)
            # Another run may have sent it meanwhile: the lock makes it once.
            if locked.auto_reminded_at is not None or not locked.is_open:
                continue
            locked.auto_reminded_at = now
            locked.save(update_fields=["auto_reminded_at"])
            emails_queued += _queue(locked)
            rounds_sent += 1
    return rounds_sent, emails_queued
