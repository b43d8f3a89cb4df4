"""Network rounds (PRODUCT.md 6.1): the rules, kept out of the views.

Who may do what
---------------
- Opening a round, seeing its results, importing paper responses, emailing the link and closing
  it: the network's active leaders only. Site administrators and editors are not leaders, so
  they get no more than anyone else: nobody sees a round through the site unless they lead it.
- Answering: the invitation link (``/diagnostics/rounds/<token>/``) works only for signed-in,
  active members of the round's network (leaders included). A visitor is asked to sign in;
  anyone else signed in gets a page explaining that the round is for the network's members,
  linking to the network page where they can join as its join policy allows. A hidden network's
  round does not exist for outsiders (404), as the network page itself does not.
- Each member answers once; until the round closes, a second visit shows their answers to change.

Online or paper
---------------
A leader chooses when opening a round: **online** (members answer on the site; no imports) or
**paper** (the leaders import the forms they collected, at most 500 responses in all; nobody
answers on the site). The two never mix, so a leader cannot pad one member's online answers with
made-up paper rows to reach the minimum and read that member's scores: an online round's
minimum counts only members who answered on the site.

What the leader sees
--------------------
While the round is open: the number of responses (with the response rate for an online round)
and the closing date, never a figure or a comment, and nothing that changes when the minimum is
reached. Once it has closed (on its date, or early by a leader, for good): below the
instrument's minimum, still only the count; from the minimum, the rule 7 aggregate
(``scoring.aggregate``) with "not enough responses" for any dimension still below it, the change
per dimension since the network's previous closed round of the same instrument, guidance and
suggested pages for the dimensions that need attention, the comments in a random order without
names or dates, and the CSV.

The aggregate is computed once and stored on the round (``NetworkRound.summary``): when a leader
closes it, when paper responses are imported, or by the first request after its closing date.
Showing the results then costs the same however many responses there are. The figures are
stored only from the minimum number of responses.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from community.networks.membership import is_leader, membership_of
from community.networks.models import Membership
from source4networks.emails import send_templated_email

from . import emails, plans, scoring
from .models import NetworkRound, RoundResponse
from .radar import RadarChart, radar_chart
from .responses_csv import ResponsesCSVError, TooManyResponses, aggregate_csv, parse_responses
from .results import format_change, suggest, tag_class
from .survey import clean_stored, missing_items

#: A closing date may be at most this many years ahead.
LONGEST_ROUND_YEARS = 5
#: The most responses a paper round takes (PRODUCT.md 6.1), so also the most one file can add.
MAX_PAPER_RESPONSES = 500


class RoundError(Exception):
    """Something the rules refuse; str(error) is shown to the person."""


# --------------------------------------------------------------------------------------------
# Who may do what
# --------------------------------------------------------------------------------------------


def is_member(network, user) -> bool:
    membership = membership_of(network, user)
    return bool(membership and membership.is_active)


# --------------------------------------------------------------------------------------------
# Opening, closing, inviting
# --------------------------------------------------------------------------------------------


def closing_time(day) -> datetime:
    """A round closes at the end of its closing day, in the site's time zone."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min)) - timedelta(microseconds=1)


def latest_closing_day(today: date) -> date:
    """The last closing date allowed: the same day ``LONGEST_ROUND_YEARS`` years on."""
    year = today.year + LONGEST_ROUND_YEARS
    # 29 February has no match in most years: the day before it does.
    return today.replace(year=year) if not (today.month == 2 and today.day == 29) else date(year, 2, 28)


def check_closing_day(day: date, today: date | None = None) -> None:
    """Raise RoundError unless ``day`` is today or later, and within 5 years."""
    today = today or timezone.localdate()
    if day < today:
        raise RoundError("The closing date must be today or in the future")
    latest = latest_closing_day(today)
    if day > latest:
        raise RoundError(
            f"The closing date must be within {LONGEST_ROUND_YEARS} years, so {latest.day} {latest:%B %Y} at the latest"
        )


def open_round(
    network, leader, instrument, message, closes_on, mode=NetworkRound.Mode.ONLINE, now=None
) -> NetworkRound:
    if not is_leader(network, leader):
        raise RoundError("Only the network's leaders can open a round.")
    if network.is_closed:
        raise RoundError(f"{network.name} has closed: it cannot open new rounds.")
    if not instrument.is_survey or instrument.current_version is None:
        raise RoundError("Rounds are for surveys only.")
    if mode not in NetworkRound.Mode.values:
        raise RoundError("Choose whether members answer online or on paper.")
    now = now or timezone.now()
    check_closing_day(closes_on, timezone.localdate(now))
    return NetworkRound.objects.create(
        network=network,
        version=instrument.current_version,
        opened_by=leader,
        message=message,
        closes_at=closing_time(closes_on),
        mode=mode,
    )


def lock(round_) -> NetworkRound:
    # Answers, imports and closing take the round's row lock, so no answer can slip in after the
    # aggregate of a closed round has been computed.
    return NetworkRound.objects.select_for_update().get(pk=round_.pk)


def close_round(round_, leader) -> None:
    """Close the round for good (a leader, early) and store its aggregate."""
    if not is_leader(round_.network, leader):
        raise RoundError("Only the network's leaders can close a round.")
    with transaction.atomic():
        locked = lock(round_)
        locked.closed = True
        if locked.summary is None:
            locked.summary = summarise(locked)
        locked.save(update_fields=["closed", "summary"])
    round_.closed, round_.summary = locked.closed, locked.summary


def active_member_count(network) -> int:
    return Membership.objects.filter(network=network, status=Membership.Status.ACTIVE).count()


def email_invitation(round_, leader) -> int:
    """Email the invitation link to every active member (each gets their own copy)."""
    if not is_leader(round_.network, leader):
        raise RoundError("Only the network's leaders can send the invitation.")
    if round_.is_paper:
        raise RoundError("This is a paper round: members answer on the paper forms you give them, not on the site.")
    if not round_.is_open:
        raise RoundError("This round is closed, so there is nothing to invite people to.")
    member_ids = emails.member_ids(round_.network)
    for user_id in member_ids:
        send_templated_email(emails.ROUND_INVITATION, user_id=user_id, round_id=round_.pk)
    round_.invited_at = timezone.now()
    round_.save(update_fields=["invited_at"])
    return len(member_ids)


# --------------------------------------------------------------------------------------------
# Answering
# --------------------------------------------------------------------------------------------


def own_response(round_, user) -> RoundResponse | None:
    """The member's one response, submitted or not yet (a draft)."""
    return RoundResponse.objects.filter(round=round_, respondent=user).first()


CLOSED_MESSAGE = "This round has closed, so answers can no longer be given or changed."


def save_answers(round_, user, answers: dict, comment: str) -> RoundResponse:
    """Submit a member's complete answers, creating or replacing their one response (page by
    page answering goes through round_answers.RoundState, which ends here)."""
    if not is_member(round_.network, user):
        raise RoundError("Only the network's members can answer this round.")
    if round_.is_paper:
        raise RoundError("This round is answered on paper forms, not on the site.")
    data = round_.version.data
    answers = clean_stored(answers, data)
    if missing_items(data, answers):
        raise RoundError("Answer every statement before you submit.")
    with transaction.atomic():
        if not lock(round_).is_open:
            raise RoundError(CLOSED_MESSAGE)
        # The unique constraint stops a double first submit.
        response, _ = RoundResponse.objects.update_or_create(
            round=round_,
            respondent=user,
            defaults={
                "answers": answers,
                "comment": comment.strip(),
                "submitted_at": timezone.now(),
                "status": RoundResponse.Status.SUBMITTED,
            },
        )
    return response


def import_paper_responses(round_, leader, data: bytes | str) -> int:
    """Add the rows of a Responses CSV to a paper round: all of them, or none."""
    if not is_leader(round_.network, leader):
        raise RoundError("Only the network's leaders can import responses.")
    if not round_.is_paper:
        raise RoundError(
            "This is an online round: members answer it on the site, so it takes no imported responses. "
            "To collect answers on paper, open a paper round."
        )
    with transaction.atomic():
        locked = lock(round_)
        if not locked.is_open:
            raise RoundError("This round has closed, so responses can no longer be added.")
        existing = locked.counted_responses()
        room = MAX_PAPER_RESPONSES - existing.count()
        if room <= 0:
            raise RoundError(
                f"This round already has {MAX_PAPER_RESPONSES} responses, the most a paper round can take."
            )
        try:
            rows = parse_responses(data, round_.version.data, max_rows=room)
        except TooManyResponses as error:
            raise ResponsesCSVError(
                f"a paper round takes at most {MAX_PAPER_RESPONSES} responses, so this file can add at most {room}",
                line=error.line,
            ) from None
        if not rows:
            raise ResponsesCSVError("the file has a header but no responses", line=2)
        taken = set(existing.values_list("paper_label", flat=True))
        for row in rows:
            if row.respondent in taken:
                raise ResponsesCSVError(
                    f'respondent "{row.respondent}" was already imported into this round',
                    line=row.line,
                    column=1,
                    name="respondent",
                )
        RoundResponse.objects.bulk_create(
            RoundResponse(
                round=locked,
                answers={key: value for key, value in row.answers.items() if value is not None},
                comment=row.comment,
                source=RoundResponse.Source.PAPER,
                paper_label=row.respondent,
            )
            for row in rows
        )
        # Computed now, while the forms are at hand, so closing the round costs nothing.
        locked.summary = summarise(locked)
        locked.save(update_fields=["summary"])
    round_.summary = locked.summary
    return len(rows)


# --------------------------------------------------------------------------------------------
# The stored aggregate
# --------------------------------------------------------------------------------------------


def _aggregate(data, answer_sets) -> scoring.AggregateResult:
    return scoring.aggregate(data, [scoring.score_respondent(data, clean_stored(a, data)) for a in answer_sets])


def _number(value) -> str | None:
    return None if value is None else str(value)


def summarise(round_) -> dict:
    """The round's count and, from the minimum number of responses, its rule 7 aggregate, as JSON.

    Figures are kept exactly (a mean as a fraction such as "10/3"), so the page and the CSV
    show what computing them afresh would.
    """
    data = round_.version.data
    answer_sets = list(round_.counted_responses().values_list("answers", flat=True))
    summary: dict = {"count": len(answer_sets)}
    if len(answer_sets) >= data.min_responses:
        summary["lines"] = [
            {
                "key": line.key,
                "n": line.n,
                "enough": line.enough,
                "mean": _number(line.mean),
                "min": _number(line.min),
                "max": _number(line.max),
                "sd": _number(line.sd),
                "band": line.band_key,
            }
            for line in _aggregate(data, answer_sets).lines
        ]
    return summary


def stored_aggregate(data, summary: dict) -> scoring.AggregateResult | None:
    """The aggregate kept in a summary, or None when the round had too few responses."""
    if "lines" not in summary:
        return None
    bands = {band.key: band for band in data.bands}
    lines = [
        scoring.AggregateLine(
            key=line["key"],
            n=line["n"],
            enough=line["enough"],
            mean=None if line["mean"] is None else Fraction(line["mean"]),
            min=None if line["min"] is None else Fraction(line["min"]),
            max=None if line["max"] is None else Fraction(line["max"]),
            sd=None if line["sd"] is None else Decimal(line["sd"]),
            band=bands.get(line["band"]),
        )
        for line in summary["lines"]
    ]
    return scoring.AggregateResult(dimensions=tuple(lines[:-1]), overall=lines[-1])


def closed_summary(round_) -> dict:
    """A closed round's summary, computed and stored the first time it is needed."""
    if round_.is_open:
        raise ValueError("An open round has no results yet.")
    if round_.summary is None:
        with transaction.atomic():
            locked = lock(round_)
            if locked.summary is None:
                locked.summary = summarise(locked)
                locked.save(update_fields=["summary"])
        round_.summary = locked.summary
    return round_.summary


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


@dataclass
class AggregateRow:
    key: str
    title: str
    line: scoring.AggregateLine
    mean: str = ""
    change: str = ""
    tag: str = ""
    # Guidance and suggested pages, for a dimension whose band is below the top one.
    needs_attention: bool = False
    guidance: str = ""
    resources: list = field(default_factory=list)
    case_studies: list = field(default_factory=list)
    # The actions on the previous round's plan for this area, e.g. "3 actions, 2 done" (plans.py).
    plan_progress: str = ""

    # The names the radar chart's template reads.
    @property
    def shown(self) -> str:
        return self.mean

    @property
    def band(self):
        return self.line.band


@dataclass
class RoundResults:
    round: NetworkRound
    data: scoring.Instrument
    is_open: bool
    count: int
    members: int | None = None  # active members, for an open online round's response rate
    enough: bool = False  # closed, and the instrument's minimum number of responses was reached
    aggregate: scoring.AggregateResult | None = None
    rows: list[AggregateRow] = field(default_factory=list)
    overall: AggregateRow | None = None
    comments: list[str] = field(default_factory=list)
    previous: NetworkRound | None = None
    previous_plan: bool = False  # the previous round's plan has actions (plans.add_progress)
    radar: RadarChart | None = None

    @property
    def needed(self) -> int:
        return self.data.min_responses

    @property
    def lines(self) -> list[AggregateRow]:
        return self.rows

    @property
    def attention(self) -> list[AggregateRow]:
        return [row for row in self.rows if row.needs_attention]

    @property
    def rate(self) -> int | None:
        """The response rate in whole percent (at most 100: some who answered may have left)."""
        if not self.members:
            return None
        return min(100, round(100 * self.count / self.members))


def previous_round(round_) -> NetworkRound | None:
    """The network's closed round of the same instrument opened most recently before this one."""
    return (
        NetworkRound.objects.select_related("version")
        .filter(network=round_.network, version__instrument=round_.version.instrument_id)
        .filter(created_at__lt=round_.created_at)
        .filter(Q(closed=True) | Q(closes_at__lte=timezone.now()))
        .order_by("-created_at", "-pk")
        .first()
    )


def shuffled(comments: list[str], rng: random.Random | None = None) -> list[str]:
    # A fresh random order on every view, so the order says nothing about who answered when.
    comments = list(comments)
    (rng or random.SystemRandom()).shuffle(comments)
    return comments


def round_results(round_, rng=None) -> RoundResults:
    """The leader's view of a round: only the count while it is open; figures once it has
    closed, from the minimum number of responses."""
    data = round_.version.data
    if round_.is_open:
        return RoundResults(
            round=round_,
            data=data,
            is_open=True,
            count=round_.counted_responses().count(),
            members=None if round_.is_paper else active_member_count(round_.network),
        )
    summary = closed_summary(round_)
    results = RoundResults(round=round_, data=data, is_open=False, count=summary["count"])
    aggregate = stored_aggregate(data, summary)
    if aggregate is None:
        return results
    results.enough = True
    results.aggregate = aggregate
    results.comments = shuffled(
        list(round_.counted_responses().exclude(comment="").values_list("comment", flat=True)), rng
    )
    before = {}
    previous = previous_round(round_)
    if previous is not None:
        previous_aggregate = stored_aggregate(previous.version.data, closed_summary(previous))
        if previous_aggregate is not None:
            results.previous = previous
            before = {line.key: line for line in previous_aggregate.lines}
    dimensions = {dimension.key: dimension for dimension in data.dimensions}
    top_band = data.bands[0].key
    for line in aggregate.lines:
        old = before.get(line.key)
        change = line.mean - old.mean if line.enough and old is not None and old.enough else None
        dimension = dimensions.get(line.key)
        needs_attention = dimension is not None and line.band is not None and line.band.key != top_band
        row = AggregateRow(
            key=line.key,
            title=dimension.title if dimension else "Overall",
            line=line,
            mean=scoring.format_display(line.mean),
            change=format_change(change),
            tag=tag_class(data.bands, line.band),
            needs_attention=needs_attention,
            guidance=dimension.guidance.get(line.band.key, "") if needs_attention else "",
        )
        if line.key == scoring.OVERALL:
            results.overall = row
        else:
            results.rows.append(row)
    suggest(data, results.rows)
    plans.add_progress(results)
    results.radar = radar_chart(
        [(row.title, row.line.mean, row.mean) for row in results.rows], data.scale.min, data.scale.max
    )
    return results


def results_csv(round_) -> str | None:
    """The aggregate download (the ``score_responses --aggregate`` columns), or None while the
    round is open or when it closed below the minimum."""
    if round_.is_open:
        return None
    aggregate = stored_aggregate(round_.version.data, closed_summary(round_))
    return None if aggregate is None else aggregate_csv(round_.version.data, aggregate)


# --------------------------------------------------------------------------------------------
# Accounts
# --------------------------------------------------------------------------------------------


def forget_respondent(sender, user, **kwargs) -> int:
    """On account deletion: keep submitted answers inside the aggregates, drop who gave them;
    unfinished ones (never counted) go."""
    RoundResponse.objects.filter(respondent=user, status=RoundResponse.Status.DRAFT).delete()
    return RoundResponse.objects.filter(respondent=user).update(respondent=None)


def export_section(user, request=None):
    """The member's own round answers for "download my data"."""
    responses = (
        RoundResponse.objects.filter(respondent=user)
        .select_related("round__network", "round__version__instrument")
        .order_by("submitted_at")
    )
    return {
        "network_rounds": [
            {
                "network": response.round.network.name,
                "survey": response.round.version.instrument.title,
                "round_opened_at": response.round.created_at.isoformat(),
                "submitted": response.status == RoundResponse.Status.SUBMITTED,
                "submitted_at": response.submitted_at.isoformat(),
                "answers": response.answers,
                "comment": response.comment,
            }
            for response in responses
        ]
    }
