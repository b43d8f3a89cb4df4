"""Anonymous benchmarking (PRODUCT.md 6.1): a network's closed round beside comparable networks.

Who takes part
--------------
A network's leaders opt in per survey (``BenchmarkOptIn``) and choose what "comparable" means:
networks of the same type, or networks sharing at least one sector. Only networks that take
part are compared, and only a network that takes part sees the comparison (give to get).

What is compared
----------------
For each other comparable network that takes part: its latest closed round of the same survey
that reached the minimum number of responses (an earlier round, or one below the minimum, never
counts), read from the round's stored summary, so no answers are read and no scoring is done.
Per dimension (and overall), the network's own average is shown beside the median and the
quartiles of those networks' averages, computed with ``statistics.quantiles(method="inclusive")``
on the exact stored means and shown to 1 dp like every score. A dimension is compared only when
at least ``MIN_OTHER_NETWORKS`` other networks have a figure for it; below that nothing is shown
but a sentence saying how many more networks are needed.

No other network's figure is ever shown: only the median and quartiles. Where the network's own
band is the lowest (``priority``), up to three comparable networks whose band there is the top
one (``strength``) are named, without figures, with a link to contact them (never the viewer's
own network, and never a hidden one).

The computation runs a fixed number of queries however many networks take part.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from fractions import Fraction

from django.db import transaction
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from community.networks.membership import is_leader
from community.networks.models import Membership, Network

from . import scoring
from .models import BenchmarkOptIn, Instrument, NetworkRound
from .rounds import RoundError, closed_summary

#: Figures are shown only when at least this many other networks contribute.
MIN_OTHER_NETWORKS = 5
#: At most this many networks are named as strong where the network is a priority.
MAX_STRENGTHS = 3


# --------------------------------------------------------------------------------------------
# Opting in and out
# --------------------------------------------------------------------------------------------


def benchmark_instruments():
    """The surveys a network can benchmark: published surveys with a version."""
    return Instrument.objects.published().filter(kind=scoring.SURVEY).exclude(current_version=None)


def opt_in_for(network, instrument) -> BenchmarkOptIn | None:
    return BenchmarkOptIn.objects.filter(network=network, instrument=instrument).first()


def basis_problem(network, basis) -> str | None:
    """Why this network cannot be compared on ``basis``, or None."""
    if basis not in BenchmarkOptIn.Basis.values:
        return "Select which networks to compare with"
    if basis == BenchmarkOptIn.Basis.SECTOR and not network.sectors.exists():
        return "Your network has no sectors yet: add them on the network's edit page, or compare by type"
    return None


def opt_in(network, leader, instrument, basis) -> BenchmarkOptIn:
    """Take part (or change the basis) for ``instrument``; raise RoundError when refused."""
    if not is_leader(network, leader):
        raise RoundError("Only the network's leaders can choose to take part in benchmarking.")
    if not instrument.is_survey:
        raise RoundError("Benchmarking is for surveys only.")
    problem = basis_problem(network, basis)
    if problem:
        raise RoundError(problem)
    with transaction.atomic():
        choice, _ = BenchmarkOptIn.objects.update_or_create(
            network=network, instrument=instrument, defaults={"basis": basis}
        )
    return choice


def opt_out(network, leader, instrument) -> bool:
    """Stop taking part; True if the network was taking part."""
    if not is_leader(network, leader):
        raise RoundError("Only the network's leaders can stop benchmarking.")
    deleted, _ = BenchmarkOptIn.objects.filter(network=network, instrument=instrument).delete()
    return bool(deleted)


def basis_description(network, basis) -> str:
    """What the basis means for this network, in words ("Clinical network" networks…)."""
    if basis == BenchmarkOptIn.Basis.SECTOR:
        names = [sector.name for sector in network.sectors.all()]
        return (
            "networks sharing a sector with yours (" + ", ".join(names) + ")" if names else "networks sharing a sector"
        )
    return f"networks of the same type as yours ({network.get_network_type_display()})"


# --------------------------------------------------------------------------------------------
# The comparison
# --------------------------------------------------------------------------------------------


@dataclass
class Strength:
    name: str
    contact_url: str | None  # None on the viewer's own network


@dataclass
class ComparisonRow:
    key: str
    title: str
    own: str  # the network's own average, 1 dp, or "" when its round had too few for it
    count: int  # other networks with a figure for this dimension
    median: str = ""
    lower: str = ""
    upper: str = ""
    priority: bool = False
    strengths: list[Strength] = field(default_factory=list)

    @property
    def shown(self) -> bool:
        return self.count >= MIN_OTHER_NETWORKS


@dataclass
class Comparison:
    opt_in: BenchmarkOptIn
    basis: str  # in words
    networks: int  # other networks contributing
    rows: list[ComparisonRow] = field(default_factory=list)
    overall: ComparisonRow | None = None

    @property
    def shown(self) -> bool:
        return self.networks >= MIN_OTHER_NETWORKS

    @property
    def needed(self) -> int:
        return max(0, MIN_OTHER_NETWORKS - self.networks)

    @property
    def needed_text(self) -> str:
        return ngettext(
            "%(count)d more network needs to take part before your results can be compared.",
            "%(count)d more networks need to take part before your results can be compared.",
            self.needed,
        ) % {"count": self.needed}

    @property
    def priorities(self) -> list[ComparisonRow]:
        """The compared dimensions where the network is a priority (each with its strengths)."""
        return [row for row in self.rows if row.priority]


def _finished():
    """Rounds that have closed: early by a leader, or by their closing time."""
    return Q(closed=True) | Q(closes_at__lte=timezone.now())


def comparable_opt_ins(network, instrument, basis):
    """The other networks' opt-ins for ``instrument`` that are comparable on ``basis``."""
    others = BenchmarkOptIn.objects.filter(instrument=instrument).exclude(network=network)
    if basis == BenchmarkOptIn.Basis.SECTOR:
        return others.filter(network__in=Network.objects.filter(sectors__networks=network))
    return others.filter(network__network_type=network.network_type)


def _settle_summaries(opt_ins, instrument) -> None:
    # A round closed by its date has no stored summary until someone first opens it; store those
    # now (once ever each), so "latest" is decided on every closed round. Usually none: 1 query.
    pending = NetworkRound.objects.filter(
        _finished(), network__in=opt_ins.values("network"), version__instrument=instrument, summary__isnull=True
    ).select_related("version")
    for round_ in pending:
        closed_summary(round_)


def latest_rounds(opt_ins, instrument) -> list[NetworkRound]:
    """Each opted-in network's latest closed round of ``instrument`` that has results (one query)."""
    latest = (
        NetworkRound.objects.filter(_finished(), network=OuterRef("network"), version__instrument=instrument)
        .filter(summary__has_key="lines")
        .order_by("-created_at", "-pk")
        .values("pk")[:1]
    )
    ids = opt_ins.annotate(latest_round=Subquery(latest)).exclude(latest_round=None).values("latest_round")
    return list(NetworkRound.objects.filter(pk__in=ids).select_related("network", "version").order_by("network__name"))


def quartiles(values: list[Fraction]) -> tuple[Fraction, Fraction, Fraction]:
    """Lower quartile, median, upper quartile: ``statistics.quantiles(method="inclusive")``."""
    lower, median, upper = statistics.quantiles(sorted(values), n=4, method="inclusive")
    return lower, median, upper


def _lines(round_) -> dict[str, dict]:
    return {line["key"]: line for line in round_.summary["lines"]}


def _led_network_ids(user) -> set[int]:
    if not user or not user.is_authenticated:
        return set()
    return set(
        Membership.objects.filter(user=user, role=Membership.Role.LEADER, status=Membership.Status.ACTIVE).values_list(
            "network_id", flat=True
        )
    )


def compare(results, viewer=None, choice=None) -> Comparison | None:
    """The comparison for a closed round's results (``rounds.RoundResults``), or None when the
    network does not take part for this survey or the round has no results. ``choice``: the
    network's opt-in, when the caller has it already."""
    round_ = results.round
    if results.is_open or not results.enough:
        return None
    network, instrument = round_.network, round_.version.instrument
    choice = choice or opt_in_for(network, instrument)
    if choice is None:
        return None
    data = results.data
    opt_ins = comparable_opt_ins(network, instrument, choice.basis)
    _settle_summaries(opt_ins, instrument)
    others = [
        other
        for other in latest_rounds(opt_ins, instrument)
        # Versions on another scale would not compare.
        if (other.version.data.scale.min, other.version.data.scale.max) == (data.scale.min, data.scale.max)
    ]
    comparison = Comparison(opt_in=choice, basis=basis_description(network, choice.basis), networks=len(others))
    if not comparison.shown:
        return comparison
    others_lines = [(other, _lines(other)) for other in others]
    top, lowest = data.bands[0].key, data.bands[-1].key
    led = _led_network_ids(viewer)
    for row in [*results.rows, results.overall]:
        values, strong = [], []
        for other, lines in others_lines:
            line = lines.get(row.key)
            if line is None or not line["enough"] or line["mean"] is None:
                continue
            values.append(Fraction(line["mean"]))
            # Named only where "Contact this network" works: not hidden, not closed.
            if line["band"] == top and not other.network.hidden and other.network.archived_at is None:
                strong.append(other.network)
        compared = ComparisonRow(
            key=row.key, title=row.title, own=row.mean if row.line.enough else "", count=len(values)
        )
        if compared.shown:
            lower, median, upper = quartiles(values)
            compared.lower, compared.median, compared.upper = (
                scoring.format_display(lower),
                scoring.format_display(median),
                scoring.format_display(upper),
            )
            compared.priority = (
                row.key != scoring.OVERALL
                and row.line.enough
                and row.line.band is not None
                and row.line.band.key == lowest
            )
            if compared.priority:
                compared.strengths = [
                    Strength(
                        name=other.name,
                        contact_url=None
                        if other.pk in led
                        else reverse("community:network_contact", args=[other.slug]),
                    )
                    for other in strong[:MAX_STRENGTHS]
                ]
        if row.key == scoring.OVERALL:
            comparison.overall = compared
        else:
            comparison.rows.append(compared)
    return comparison
