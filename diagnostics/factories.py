"""Factories for diagnostics, shared by tests and demo content.

Two kinds: plain instrument data (the scoring module's dataclasses and Instrument JSON as a
dict), for tests that need no database; and database rows (instruments with their versions,
members' results, network rounds and their responses, matrix sessions). Rows default to the
shipped instruments, which every database has (a data migration loads them).
"""

import copy
import json
from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

import factory
from django.utils import timezone

from community.members.factories import make_member
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Membership
from source4networks.factories import UserFactory

from . import scoring
from .importing import export_instrument_text, save_instrument
from .instrument_format import parse_instrument
from .models import Instrument, InstrumentVersion, MatrixRow, MatrixSession, NetworkRound, Response, RoundResponse
from .rounds import closing_time

# The shipped instruments the row factories use unless told otherwise.
SCORECARD = "network-health-scorecard"
MATRIX = "network-maturity-matrix"


def current_version(slug):
    """The current version of the instrument with this slug."""
    return Instrument.objects.select_related("current_version").get(slug=slug).current_version


def every_statement(data, answer):
    """Answers giving every statement of ``data`` (an instrument's dataclass) the same answer."""
    return {item.key: answer for item in data.items}


# --------------------------------------------------------------------------------------------
# Instrument data, no database
# --------------------------------------------------------------------------------------------


class ScaleFactory(factory.Factory):
    """A 1 to 5 scale with "NA" unless told otherwise."""

    min = 1
    max = 5
    allow_na = True

    class Meta:
        model = scoring.Scale


class BandFactory(factory.Factory):
    """``BandFactory(key="high", min=Decimal("4.5"))``; the last band of a set has ``min=None``."""

    key = factory.Sequence(lambda n: f"band{n}")
    label = factory.LazyAttribute(lambda band: band.key.title())
    min = None

    class Meta:
        model = scoring.Band


class DimensionFactory(factory.Factory):
    """A survey dimension with statements ``<key>1`` to ``<key><statements>``; the 1-based
    positions listed in ``reverse`` are reverse-scored."""

    key = factory.Sequence(lambda n: f"d{n}")
    title = factory.LazyAttribute(lambda dimension: dimension.key.title())
    items = factory.LazyAttribute(
        lambda dimension: tuple(
            scoring.Item(f"{dimension.key}{n}", f"Statement {dimension.key}{n}", n in dimension.reverse)
            for n in range(1, dimension.statements + 1)
        )
    )

    class Meta:
        model = scoring.Dimension

    class Params:
        statements = 2
        reverse = ()


class MatrixDimensionFactory(factory.Factory):
    """A maturity-matrix dimension with levels 1 to ``level_count``."""

    key = factory.Sequence(lambda n: f"m{n}")
    title = factory.LazyAttribute(lambda dimension: dimension.key.title())
    levels = factory.LazyAttribute(
        lambda dimension: tuple(
            scoring.Level(n, f"Level {n} of {dimension.key}") for n in range(1, dimension.level_count + 1)
        )
    )

    class Meta:
        model = scoring.Dimension

    class Params:
        level_count = 5


class SurveyDataFactory(factory.Factory):
    """A survey as the scoring module sees it (what ``InstrumentVersion.data`` gives)."""

    slug = "test-survey"
    title = "Test survey"
    kind = scoring.SURVEY
    dimensions = factory.LazyFunction(lambda: tuple(DimensionFactory(key=key) for key in ("a", "b", "c")))
    scale = factory.SubFactory(ScaleFactory)
    bands = scoring.DEFAULT_BANDS
    min_responses = 3

    class Meta:
        model = scoring.Instrument


class MatrixDataFactory(factory.Factory):
    """A maturity matrix as the scoring module sees it: no scale."""

    slug = "test-matrix"
    title = "Test matrix"
    kind = scoring.MATRIX
    dimensions = factory.LazyFunction(lambda: tuple(MatrixDimensionFactory(key=key) for key in ("m", "n")))
    scale = None

    class Meta:
        model = scoring.Instrument


JSON_BANDS = [
    {"key": "strength", "label": "Strength", "min": Decimal("4.0")},
    {"key": "developing", "label": "Developing", "min": Decimal("3.0")},
    {"key": "priority", "label": "Priority", "min": None},
]


class SurveyJSONFactory(factory.DictFactory):
    """A complete, valid survey in the Instrument JSON of PRODUCT.md section 6.4, as a dict:
    three dimensions (a, b, c) of two statements, the second reverse-scored."""

    slug = "test-survey"
    title = "Test survey"
    kind = scoring.SURVEY
    description = "A survey for tests."
    scale = factory.LazyFunction(
        lambda: {"min": 1, "max": 5, "labels": {"1": "Strongly disagree", "5": "Strongly agree"}, "allow_na": True}
    )
    bands = factory.LazyFunction(lambda: copy.deepcopy(JSON_BANDS))
    min_responses = 3
    dimensions = factory.LazyFunction(
        lambda: [
            {
                "key": dim,
                "title": f"Dimension {dim}",
                "description": f"About {dim}.",
                "topics": ["network leadership"],
                "guidance": {"developing": "Try this.", "priority": "Start here."},
                "items": [
                    {"key": f"{dim}1", "text": f"First statement of {dim}.", "reverse": False},
                    {"key": f"{dim}2", "text": f"Second statement of {dim}.", "reverse": True},
                ],
            }
            for dim in ("a", "b", "c")
        ]
    )


class MatrixJSONFactory(factory.DictFactory):
    """A complete, valid maturity matrix in Instrument JSON, as a dict: two dimensions (m, n) of
    four levels, no scale."""

    slug = "test-matrix"
    title = "Test matrix"
    kind = scoring.MATRIX
    description = "A matrix for tests."
    bands = factory.LazyFunction(lambda: copy.deepcopy(JSON_BANDS))
    min_responses = 3
    dimensions = factory.LazyFunction(
        lambda: [
            {
                "key": dim,
                "title": f"Dimension {dim}",
                "description": "",
                "topics": [],
                "guidance": {},
                "levels": [{"level": n, "descriptor": f"Level {n}"} for n in range(1, 5)],
            }
            for dim in ("m", "n")
        ]
    )


# --------------------------------------------------------------------------------------------
# Database rows
# --------------------------------------------------------------------------------------------


class InstrumentFactory(factory.django.DjangoModelFactory):
    """An instrument with its version 1, saved as an import saves it (current version and
    publishing as on the site). ``definition`` is Instrument JSON as a dict; its slug and title
    are the instrument's: ``InstrumentFactory(definition__slug="mine")``."""

    definition = factory.SubFactory(
        SurveyJSONFactory,
        slug=factory.Sequence(lambda n: f"survey-{n}"),
        title=factory.Sequence(lambda n: f"Survey {n}"),
    )
    is_published = True

    class Meta:
        model = Instrument

    @classmethod
    def _create(cls, model_class, definition, is_published):
        return save_instrument(parse_instrument(definition), publish=is_published).instrument


class InstrumentVersionFactory(factory.django.DjangoModelFactory):
    """A new version of an instrument (the shipped scorecard unless told): its current
    definition as a dict, changed in place by ``change(data)``, saved as an import or the admin's
    edit form saves it. ``changes`` on the version says what changed; None when nothing did."""

    instrument = factory.LazyFunction(lambda: Instrument.objects.get(slug=SCORECARD))
    change = None

    class Meta:
        model = InstrumentVersion

    @classmethod
    def _create(cls, model_class, instrument, change):
        data = json.loads(export_instrument_text(Instrument.objects.get(pk=instrument.pk)))
        if change is not None:
            change(data)
        return save_instrument(parse_instrument(data)).version


class ResponseFactory(factory.django.DjangoModelFactory):
    """A member's submitted result: every statement answered 3 unless ``answers=``, on the
    shipped scorecard unless ``version=``. ``in_progress=True`` for one not yet submitted."""

    user = factory.SubFactory(UserFactory)
    version = factory.LazyFunction(lambda: current_version(SCORECARD))
    status = Response.Status.SUBMITTED
    answers = factory.LazyAttribute(lambda response: every_statement(response.version.data, 3))
    submitted_at = factory.LazyFunction(timezone.now)
    started_at = factory.LazyAttribute(lambda response: response.submitted_at or timezone.now())

    class Meta:
        model = Response

    class Params:
        in_progress = factory.Trait(
            status=Response.Status.IN_PROGRESS, answers=factory.LazyFunction(dict), submitted_at=None
        )


class NetworkRoundFactory(factory.django.DjangoModelFactory):
    """An online round of the shipped scorecard, open until the end of the day two weeks from
    today. Pass ``opened_by=`` the network's leader; ``mode=NetworkRound.Mode.PAPER`` for a
    paper round (give it ``RoundResponseFactory(paper=True)`` responses)."""

    network = factory.SubFactory(NetworkFactory)
    version = factory.LazyFunction(lambda: current_version(SCORECARD))
    message = "Tell us how the network is doing."
    closes_at = factory.LazyFunction(lambda: closing_time(timezone.localdate() + timedelta(days=14)))

    class Meta:
        model = NetworkRound


def new_member_of(network):
    """A new member (verified email, profile) with an active membership of ``network``."""
    user = make_member()
    add_member(network, user)
    return user


class RoundResponseFactory(factory.django.DjangoModelFactory):
    """A response in a round from a new member of its network, every statement answered 3
    unless ``answers=``. ``paper=True`` for one imported from a paper form (no respondent)."""

    round = factory.SubFactory(NetworkRoundFactory)
    respondent = factory.LazyAttribute(lambda response: new_member_of(response.round.network))
    answers = factory.LazyAttribute(lambda response: every_statement(response.round.version.data, 3))

    class Meta:
        model = RoundResponse

    class Params:
        paper = factory.Trait(
            respondent=None,
            source=RoundResponse.Source.PAPER,
            paper_label=factory.Sequence(lambda n: f"paper-{n}"),
        )


class MatrixSessionFactory(factory.django.DjangoModelFactory):
    """A session with the shipped maturity matrix. ``rows={dimension key: scoring.MatrixEntry}``
    records those dimensions, as the leader's form does; pass ``recorded_by=`` the leader."""

    network = factory.SubFactory(NetworkFactory)
    version = factory.LazyFunction(lambda: current_version(MATRIX))
    date = factory.LazyFunction(timezone.localdate)

    class Meta:
        model = MatrixSession
        skip_postgeneration_save = True

    @factory.post_generation
    def rows(self, create, extracted, **kwargs):
        for key, entry in (extracted or {}).items():
            MatrixRow.objects.create(
                session=self,
                dimension=key,
                participant_levels=list(entry.chosen),
                agreed_current=entry.current,
                target=entry.target,
            )


class RoundsExample(NamedTuple):
    """What :func:`network_with_rounds` makes."""

    network: object
    leader: object
    member: object
    outsider: object
    earlier: NetworkRound  # closed long ago
    closed: NetworkRound  # closed since, results compared with ``earlier``'s
    later: NetworkRound  # open, online
    paper: NetworkRound  # open, paper
    session: MatrixSession  # the first of two matrix sessions


def network_with_rounds() -> RoundsExample:
    """A network with a leader, a member and an outsider; rounds of the shipped scorecard, each
    with three responses (enough for results): two closed online rounds (the later compared with
    the earlier), an open online round and an open paper round; and two matrix sessions. For
    tests of every round page.
    """
    network = NetworkFactory(name="Moorland Respiratory Network")
    leader = make_member(username="round-leader")
    add_member(network, leader, role=Membership.Role.LEADER)
    member = make_member(username="round-member")
    add_member(network, member)
    outsider = make_member(username="round-outsider")
    closes_at = closing_time(timezone.localdate() + timedelta(days=7))
    earlier = NetworkRoundFactory(
        network=network,
        opened_by=leader,
        message="The spring round.",
        closes_at=closes_at,
        created_at=timezone.now() - timedelta(days=180),
        closed=True,
    )
    data = earlier.version.data
    for value in (2, 3, 4):
        RoundResponseFactory(round=earlier, answers=every_statement(data, value), comment=f"Said {value}")
    closed = NetworkRoundFactory(
        network=network,
        opened_by=leader,
        message="The autumn round.",
        closes_at=timezone.now() - timedelta(days=60),
        created_at=timezone.now() - timedelta(days=90),
    )
    for value in (1, 2, 4):
        RoundResponseFactory(round=closed, answers=every_statement(data, value), comment=f"Later said {value}")
    later = NetworkRoundFactory(network=network, opened_by=leader, message="The summer round.", closes_at=closes_at)
    for value in (3, 4, 5):
        RoundResponseFactory(round=later, answers=every_statement(data, value))
    paper = NetworkRoundFactory(
        network=network,
        opened_by=leader,
        message="The meeting round.",
        closes_at=closes_at,
        mode=NetworkRound.Mode.PAPER,
    )
    for value in (3, 4, 5):
        RoundResponseFactory(round=paper, answers=every_statement(data, value), paper=True)
    key = current_version(MATRIX).data.dimensions[0].key
    session = MatrixSessionFactory(
        network=network,
        recorded_by=leader,
        date=date(2026, 1, 5),
        notes="Notes.",
        rows={key: scoring.MatrixEntry(chosen=(1, 3), target=4)},
    )
    MatrixSessionFactory(
        network=network, recorded_by=leader, date=date(2026, 6, 5), rows={key: scoring.MatrixEntry(current=3)}
    )
    return RoundsExample(network, leader, member, outsider, earlier, closed, later, paper, session)
