"""Demo network rounds and a maturity matrix session (``load_demo_rounds``).

Two demo networks each get two rounds of the network health scorecard: an earlier, closed round
with enough responses to show results (some from members on the site, some imported from paper),
and a current round with too few responses so far. The first network also gets a matrix session.
Answers come from a fixed seed, so every run gives the same figures.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from community.networks.models import Membership, Network

from .demo import demo_answers
from .importing import load_shipped_instruments
from .models import Instrument, MatrixRow, MatrixSession, NetworkRound, RoundResponse

SURVEY = "network-health-scorecard"
MATRIX = "network-maturity-matrix"
NETWORKS = ["south-west-stroke-network", "national-network-research-forum"]
PAPER_RESPONSES = 2  # added to each earlier round, as if collected at a meeting

COMMENTS = [
    "Meetings are useful but we rarely follow up on actions.",
    "I would like more say in what the network works on.",
    "The shared data has changed how our unit works.",
    "",
]


def _members(network):
    return [
        membership.user
        for membership in Membership.objects.filter(network=network, status=Membership.Status.ACTIVE)
        .select_related("user")
        .order_by("role", "user__username")
    ]


def _leader(network):
    return (
        Membership.objects.filter(network=network, role=Membership.Role.LEADER, status=Membership.Status.ACTIVE)
        .select_related("user")
        .first()
        .user
    )


@transaction.atomic
def load_demo_rounds(now=None):
    """Create what is missing; return (rounds created, matrix sessions created)."""
    now = now or timezone.now()
    load_shipped_instruments()
    survey = Instrument.objects.select_related("current_version").get(slug=SURVEY)
    data = survey.current_version.data
    networks = list(Network.objects.filter(slug__in=NETWORKS).order_by("slug"))
    created_rounds = created_sessions = 0
    for network in networks:
        if NetworkRound.objects.filter(network=network).exists():
            continue  # idempotent: this network already has its demo rounds
        leader, members = _leader(network), _members(network)
        earlier = NetworkRound.objects.create(
            network=network,
            version=survey.current_version,
            opened_by=leader,
            message="Our spring check-in: five minutes on how the network is working for you.",
            closes_at=now - timedelta(days=60),
            created_at=now - timedelta(days=90),
        )
        current = NetworkRound.objects.create(
            network=network,
            version=survey.current_version,
            opened_by=leader,
            message="Three months on: has anything changed since the spring check-in?",
            closes_at=now + timedelta(days=14),
            created_at=now - timedelta(days=3),
        )
        for position, user in enumerate(members):
            RoundResponse.objects.create(
                round=earlier,
                respondent=user,
                answers=demo_answers(data, f"{network.slug}/earlier/{position}", lift=0),
                comment=COMMENTS[position % len(COMMENTS)],
                submitted_at=earlier.created_at + timedelta(days=position + 1),
            )
        for number in range(1, PAPER_RESPONSES + 1):
            RoundResponse.objects.create(
                round=earlier,
                answers=demo_answers(data, f"{network.slug}/paper/{number}", lift=0.2),
                source=RoundResponse.Source.PAPER,
                paper_label=f"paper-{number}",
                submitted_at=earlier.created_at + timedelta(days=10),
            )
        # One answer so far: below the minimum, so the leader sees only the count.
        RoundResponse.objects.create(
            round=current,
            respondent=members[0],
            answers=demo_answers(data, f"{network.slug}/current/0", lift=0.4),
            submitted_at=now - timedelta(days=1),
        )
        created_rounds += 2

    matrix = Instrument.objects.select_related("current_version").filter(slug=MATRIX).first()
    if networks and matrix is not None and not MatrixSession.objects.filter(network=networks[0]).exists():
        network = networks[0]
        session = MatrixSession.objects.create(
            network=network,
            version=matrix.current_version,
            date=(now - timedelta(days=30)).date(),
            notes="Eight people took part. Most debate was about how decisions are made between meetings.",
            recorded_by=_leader(network),
        )
        for index, dimension in enumerate(matrix.current_version.data.dimensions):
            top = len(dimension.levels)
            low = 1 + index % 2
            MatrixRow.objects.create(
                session=session,
                dimension=dimension.key,
                participant_levels=[low, low, min(top, low + 1), min(top, low + 2)],
                target=min(top, low + 2),
            )
        created_sessions += 1
    return created_rounds, created_sessions
