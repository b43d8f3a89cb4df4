"""Builds the demo diagnostics from demo/content/diagnostics.yaml (individual results) and
rounds.yaml (network rounds, the earlier round's action plan and a maturity matrix session).

Answers are generated from a fixed seed, so every run gives the same figures; a member's repeated
results improve a little over time, which makes the comparison worth looking at. Rows are made
with the diagnostics factories. Running it again creates nothing twice."""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from community.networks.models import Membership, Network
from demo.loader import read
from diagnostics import rounds, scoring
from diagnostics.factories import MatrixSessionFactory, NetworkRoundFactory, ResponseFactory, RoundResponseFactory
from diagnostics.importing import load_shipped_instruments
from diagnostics.models import Instrument, MatrixSession, NetworkRound, PlanAction, Response
from source4networks.factories import UserFactory


def demo_answers(data, seed, lift):
    """Answers centred a little below "Agree", raised by ``lift`` points, with some NA."""
    rng = random.Random(seed)  # noqa: S311 - repeatable demo data, not security  # nosec B311
    scale = data.scale
    answers = {}
    for item in data.items:
        if scale.allow_na and rng.random() < 0.05:
            answers[item.key] = "NA"
            continue
        score = max(scale.min, min(scale.max, round(rng.gauss(3.1 + lift, 0.9))))
        # Store the answer that gives this item score.
        answers[item.key] = scale.min + scale.max - score if item.reverse else score
    return answers


def result_usernames():
    return read("diagnostics")["members"]


@transaction.atomic
def build_results(now=None):
    """Create the demo results that are missing; return how many were created."""
    now = now or timezone.now()
    load_shipped_instruments()
    created = 0
    # Looked up by username: the demo members made by load_demo_members when they exist.
    users = [UserFactory(username=username, email=f"{username}@example.org") for username in result_usernames()]
    for plan in read("diagnostics")["instruments"]:
        slug = plan["slug"]
        instrument = Instrument.objects.select_related("current_version").filter(slug=slug).first()
        if instrument is None or instrument.current_version is None:
            continue
        data = instrument.current_version.data
        for user in users:
            if Response.objects.filter(user=user, version__instrument=instrument).exists():
                continue  # idempotent: this member already has demo results for it
            for attempt, days in enumerate(plan["days_ago"]):
                when = now - timedelta(days=days)
                ResponseFactory(
                    user=user,
                    version=instrument.current_version,
                    answers=demo_answers(data, f"{user.username}/{slug}/{attempt}", lift=0.35 * attempt),
                    started_at=when - timedelta(minutes=10),
                    submitted_at=when,
                )
                created += 1
    return created


def round_networks():
    """The slugs of the networks that get demo rounds."""
    return read("rounds")["networks"]


def active_members(network):
    return [
        membership.user
        for membership in Membership.objects.filter(network=network, status=Membership.Status.ACTIVE)
        .select_related("user")
        .order_by("role", "user__username")
    ]


def leader(network):
    return (
        Membership.objects.filter(network=network, role=Membership.Role.LEADER, status=Membership.Status.ACTIVE)
        .select_related("user")
        .first()
        .user
    )


def add_rounds(network, version, content, now):
    """An earlier round with enough answers to show results and a current one with too few."""
    opened_by, members = leader(network), active_members(network)
    data = version.data
    earlier = NetworkRoundFactory(
        network=network,
        version=version,
        opened_by=opened_by,
        message=content["earlier_round_message"],
        closes_at=now - timedelta(days=60),
        created_at=now - timedelta(days=90),
    )
    current = NetworkRoundFactory(
        network=network,
        version=version,
        opened_by=opened_by,
        message=content["current_round_message"],
        closes_at=now + timedelta(days=14),
        created_at=now - timedelta(days=3),
    )
    comments = content["comments"]
    for position, user in enumerate(members):
        RoundResponseFactory(
            round=earlier,
            respondent=user,
            answers=demo_answers(data, f"{network.slug}/earlier/{position}", lift=0),
            comment=comments[position % len(comments)],
            submitted_at=earlier.created_at + timedelta(days=position + 1),
        )
    add_plan(earlier, content.get("plan_actions", []), now)
    # One answer so far: below the minimum, so the leader sees only the count.
    RoundResponseFactory(
        round=current,
        respondent=members[0],
        answers=demo_answers(data, f"{network.slug}/current/0", lift=0.4),
        submitted_at=now - timedelta(days=1),
    )


def add_plan(round_, actions, now):
    """The earlier round's action plan: each action goes to the next area needing attention."""
    areas = [row.key for row in rounds.round_results(round_).attention]
    if not areas:
        return
    PlanAction.objects.bulk_create(
        PlanAction(
            round=round_,
            dimension=areas[position % len(areas)],
            what=action["what"],
            owner=action["owner"],
            due_on=timezone.localdate(now + timedelta(days=action["due_in_days"])),
            status=action["status"],
            created_by=round_.opened_by,
        )
        for position, action in enumerate(actions)
    )


def add_matrix_session(network, matrix, notes, now):
    rows = {}
    for index, dimension in enumerate(matrix.current_version.data.dimensions):
        top = len(dimension.levels)
        low = 1 + index % 2
        rows[dimension.key] = scoring.MatrixEntry(
            chosen=(low, low, min(top, low + 1), min(top, low + 2)), target=min(top, low + 2)
        )
    MatrixSessionFactory(
        network=network,
        version=matrix.current_version,
        date=(now - timedelta(days=30)).date(),
        notes=notes,
        recorded_by=leader(network),
        rows=rows,
    )


@transaction.atomic
def build_rounds(now=None):
    """Create what is missing; return (rounds created, matrix sessions created)."""
    now = now or timezone.now()
    content = read("rounds")
    load_shipped_instruments()
    survey = Instrument.objects.select_related("current_version").get(slug=content["survey"])
    networks = list(Network.objects.filter(slug__in=content["networks"]).order_by("slug"))
    created_rounds = created_sessions = 0
    for network in networks:
        if NetworkRound.objects.filter(network=network).exists():
            continue  # idempotent: this network already has its demo rounds
        add_rounds(network, survey.current_version, content, now)
        created_rounds += 2

    matrix = Instrument.objects.select_related("current_version").filter(slug=content["matrix"]["instrument"]).first()
    if networks and matrix is not None and not MatrixSession.objects.filter(network=networks[0]).exists():
        add_matrix_session(networks[0], matrix, content["matrix"]["notes"], now)
        created_sessions += 1
    return created_rounds, created_sessions
