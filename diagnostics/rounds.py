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

What the leader sees
--------------------
Nothing but the number of responses until the instrument's minimum is reached; then the rule 7
aggregate (``scoring.aggregate``) with "not enough responses" for any dimension still below the
minimum, the change per dimension since the network's previous round of the same instrument,
and the comments in a random order, without names or dates.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from community.networks.membership import is_leader, membership_of
from source4networks.emails import send_templated_email

from . import emails, scoring
from .models import NetworkRound, RoundResponse
from .radar import RadarChart, radar_chart
from .responses_csv import ResponsesCSVError, aggregate_csv, parse_responses
from .results import format_change, tag_class
from .survey import clean_stored, missing_items

#: A round may stay open for at most this long.
LONGEST_ROUND = timedelta(days=366)


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


def open_round(network, leader, instrument, message, closes_on, now=None) -> NetworkRound:
    if not is_leader(network, leader):
        raise RoundError("Only the network's leaders can open a round.")
    if not instrument.is_survey or instrument.current_version is None:
        raise RoundError("Rounds are for surveys only.")
    now = now or timezone.now()
    closes_at = closing_time(closes_on)
    if closes_at <= now:
        raise RoundError("The closing date must be today or later.")
    if closes_at - now > LONGEST_ROUND:
        raise RoundError("The closing date must be within a year.")
    return NetworkRound.objects.create(
        network=network, version=instrument.current_version, opened_by=leader, message=message, closes_at=closes_at
    )


def close_round(round_, leader) -> None:
    if not is_leader(round_.network, leader):
        raise RoundError("Only the network's leaders can close a round.")
    round_.closed = True
    round_.save(update_fields=["closed"])


def email_invitation(round_, leader) -> int:
    """Email the invitation link to every active member (each gets their own copy)."""
    if not is_leader(round_.network, leader):
        raise RoundError("Only the network's leaders can send the invitation.")
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
    return RoundResponse.objects.filter(round=round_, respondent=user).first()


def save_answers(round_, user, answers: dict, comment: str) -> RoundResponse:
    """Save a member's complete answers, creating or replacing their one response."""
    if not is_member(round_.network, user):
        raise RoundError("Only the network's members can answer this round.")
    if not round_.is_open:
        raise RoundError("This round has closed, so answers can no longer be given or changed.")
    data = round_.version.data
    answers = clean_stored(answers, data)
    if missing_items(data, answers):
        raise RoundError("Answer every statement before you submit.")
    # update_or_create locks the member's row; the unique constraint stops a double first submit.
    response, _ = RoundResponse.objects.update_or_create(
        round=round_,
        respondent=user,
        defaults={"answers": answers, "comment": comment.strip(), "submitted_at": timezone.now()},
    )
    return response


def import_paper_responses(round_, leader, data: bytes | str) -> int:
    """Add the rows of a Responses CSV as paper responses: all of them, or none."""
    if not is_leader(round_.network, leader):
        raise RoundError("Only the network's leaders can import responses.")
    if not round_.is_open:
        raise RoundError("This round has closed, so responses can no longer be added.")
    rows = parse_responses(data, round_.version.data)
    if not rows:
        raise ResponsesCSVError("the file has a header but no responses", line=2)
    taken = set(
        RoundResponse.objects.filter(round=round_, source=RoundResponse.Source.PAPER).values_list(
            "paper_label", flat=True
        )
    )
    for row in rows:
        if row.respondent in taken:
            raise ResponsesCSVError(
                f'respondent "{row.respondent}" was already imported into this round',
                line=row.line,
                column=1,
                name="respondent",
            )
    with transaction.atomic():
        RoundResponse.objects.bulk_create(
            RoundResponse(
                round=round_,
                answers={key: value for key, value in row.answers.items() if value is not None},
                comment=row.comment,
                source=RoundResponse.Source.PAPER,
                paper_label=row.respondent,
            )
            for row in rows
        )
    return len(rows)


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
    count: int
    enough: bool  # the instrument's minimum number of responses has been reached
    aggregate: scoring.AggregateResult | None = None
    rows: list[AggregateRow] = field(default_factory=list)
    overall: AggregateRow | None = None
    comments: list[str] = field(default_factory=list)
    previous: NetworkRound | None = None
    radar: RadarChart | None = None

    @property
    def needed(self) -> int:
        return self.data.min_responses

    @property
    def lines(self) -> list[AggregateRow]:
        return self.rows


def _aggregate(data, answer_sets) -> scoring.AggregateResult:
    return scoring.aggregate(data, [scoring.score_respondent(data, clean_stored(a, data)) for a in answer_sets])


def previous_round(round_) -> NetworkRound | None:
    """The network's round of the same instrument opened just before this one."""
    return (
        NetworkRound.objects.select_related("version")
        .filter(network=round_.network, version__instrument=round_.version.instrument_id)
        .filter(created_at__lt=round_.created_at)
        .order_by("-created_at", "-pk")
        .first()
    )


def shuffled(comments: list[str], rng: random.Random | None = None) -> list[str]:
    # A fresh random order on every view, so the order says nothing about who answered when.
    comments = list(comments)
    (rng or random.SystemRandom()).shuffle(comments)
    return comments


def round_results(round_, rng=None) -> RoundResults:
    """The leader's view of a round; figures only once the minimum is reached."""
    data = round_.version.data
    responses = list(round_.responses.values_list("answers", "comment"))
    results = RoundResults(round=round_, data=data, count=len(responses), enough=len(responses) >= data.min_responses)
    if not results.enough:
        return results
    aggregate = _aggregate(data, [answers for answers, _ in responses])
    results.aggregate = aggregate
    results.comments = shuffled([comment for _, comment in responses if comment], rng)
    before = {}
    previous = previous_round(round_)
    if previous is not None:
        earlier = list(previous.responses.values_list("answers", flat=True))
        if len(earlier) >= previous.version.data.min_responses:
            results.previous = previous
            previous_aggregate = _aggregate(previous.version.data, earlier)
            before = {line.key: line for line in previous_aggregate.lines}
    titles = {dimension.key: dimension.title for dimension in data.dimensions}
    for line in aggregate.lines:
        old = before.get(line.key)
        change = line.mean - old.mean if line.enough and old is not None and old.enough else None
        row = AggregateRow(
            key=line.key,
            title=titles.get(line.key, "Overall"),
            line=line,
            mean=scoring.format_display(line.mean),
            change=format_change(change),
            tag=tag_class(data.bands, line.band),
        )
        if line.key == scoring.OVERALL:
            results.overall = row
        else:
            results.rows.append(row)
    results.radar = radar_chart(
        [(row.title, row.line.mean, row.mean) for row in results.rows], data.scale.min, data.scale.max
    )
    return results


def results_csv(round_) -> str | None:
    """The aggregate download (the ``score_responses --aggregate`` columns), or None below the minimum."""
    data = round_.version.data
    answer_sets = list(round_.responses.values_list("answers", flat=True))
    if len(answer_sets) < data.min_responses:
        return None
    return aggregate_csv(data, _aggregate(data, answer_sets))


# --------------------------------------------------------------------------------------------
# Accounts
# --------------------------------------------------------------------------------------------


def forget_respondent(sender, user, **kwargs) -> int:
    """On account deletion: keep the answers inside the aggregates, drop who gave them."""
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
                "submitted_at": response.submitted_at.isoformat(),
                "answers": response.answers,
                "comment": response.comment,
            }
            for response in responses
        ]
    }
