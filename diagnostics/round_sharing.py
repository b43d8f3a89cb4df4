"""Sharing a closed round's results with the network's members, and starting a discussion of
them in the network's private space (PRODUCT.md 6.1).

- Only a leader shares, and only a round that has closed with at least the instrument's minimum
  number of responses (below it there are no results to share). Sharing is for good: the
  members then see the same anonymous aggregate as the leaders (figures, bands, radar, guidance,
  comments) on the round's results page for members.
- "Start a discussion" shares the results too, if they are not shared yet, and starts one thread
  in the network's private space through the discussions app's own posting functions, so its
  rules hold (who may post there, suspensions, the posting limits). The thread sums up the
  weakest dimensions and links to the members' results page. One thread per round: a second
  press leads to the thread already started.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from community.discussions import posting, rules
from community.discussions.models import Space, SpaceKind
from community.discussions.views import refusal_message
from community.networks.membership import is_leader
from source4networks.site_address import absolute_url

from . import scoring
from .rounds import RoundError, closed_summary, is_member, lock, stored_aggregate

#: How many of the weakest dimensions the discussion's opening post names.
WEAKEST_SHOWN = 3


def has_results(round_) -> bool:
    """Closed, with the minimum number of responses reached."""
    return not round_.is_open and "lines" in closed_summary(round_)


def may_see_shared(round_, user) -> bool:
    """The members' results page: the network's active members (leaders included), once shared."""
    return round_.shared_at is not None and is_member(round_.network, user)


def _check_shareable(round_, leader, action="share a round's results") -> None:
    if not is_leader(round_.network, leader):
        raise RoundError(f"Only the network's leaders can {action}.")
    if round_.is_open:
        raise RoundError("The results can be shared once the round has closed.")
    if not has_results(round_):
        raise RoundError("This round closed with too few responses, so it has no results to share.")


def share_results(round_, leader) -> None:
    _check_shareable(round_, leader)
    with transaction.atomic():
        locked = lock(round_)
        if locked.shared_at is None:
            locked.shared_at = timezone.now()
            locked.save(update_fields=["shared_at"])
    round_.shared_at = locked.shared_at


def private_space(network) -> Space | None:
    return Space.objects.filter(network=network, kind=SpaceKind.NETWORK, active=True).first()


def weakest_dimensions(round_, count=WEAKEST_SHOWN):
    """The dimensions with the lowest network averages (those with enough responses), lowest
    first, as (title, average shown, band label)."""
    data = round_.version.data
    aggregate = stored_aggregate(data, closed_summary(round_))
    titles = {dimension.key: dimension.title for dimension in data.dimensions}
    lines = sorted(
        (line for line in aggregate.dimensions if line.enough and line.mean is not None),
        key=lambda line: (line.mean, titles.get(line.key, "")),
    )
    return [
        (titles.get(line.key, line.key), scoring.format_display(line.mean), line.band.label if line.band else "")
        for line in lines[:count]
    ]


def discussion_text(round_) -> tuple[str, str]:
    """The thread's title and opening post (Markdown)."""
    instrument = round_.version.instrument
    title = f"Our {instrument.title} results"
    lines = [
        f"The results of our {instrument.title} round are ready for everyone in the network to see.",
        "",
        "The areas where we scored lowest:",
        "",
    ]
    for name, mean, band in weakest_dimensions(round_):
        lines.append(f"- **{name}**: {mean} out of {round_.version.data.scale.max}" + (f" ({band})" if band else ""))
    lines += [
        "",
        f"See the full results, with guidance for each area: {absolute_url(round_.get_shared_url())}",
        "",
        "What do you make of them, and where should we start?",
    ]
    return title, "\n".join(lines)


def start_discussion(round_, leader):
    """Share the results if need be and start the thread; return it (or the one already started)."""
    _check_shareable(round_, leader, "start a discussion of the results")
    if round_.discussion_id is not None and round_.discussion is not None:
        return round_.discussion
    space = private_space(round_.network)
    if space is None:
        raise RoundError(
            f"{round_.network.name} has no private discussion space, so a discussion cannot be started. "
            "Share the results instead, and tell members where to find them."
        )
    refusal = rules.posting_refusal(leader, space)
    if refusal is not None:
        raise RoundError(refusal_message(leader, refusal) or "You cannot post in the network's space.")
    title, body = discussion_text(round_)
    try:
        posting.take_limits(leader, "thread", body)
    except posting.LimitReached as limit:
        raise RoundError(str(limit.refusal)) from None
    with transaction.atomic():
        share_results(round_, leader)
        locked = lock(round_)
        if locked.discussion_id is not None:
            return locked.discussion
        thread = posting.start_thread(leader, space, title, body)
        locked.discussion = thread
        locked.save(update_fields=["discussion"])
    round_.discussion = thread
    return thread
