"""Maturity matrix sessions (PRODUCT.md 6.1, rule 8): recording a network's group session and
comparing sessions over time. The arithmetic is ``scoring.score_matrix``; this module stores and
arranges it. Only the network's leaders record and see sessions."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from community.networks.membership import is_leader
from source4networks.csvsafe import safe_row

from . import scoring
from .matrix_chart import change_chart
from .models import MatrixRow, MatrixSession
from .rounds import RoundError

_LEVEL_SEPARATORS = re.compile(r"[\s,;]+")


def parse_levels(text: str, top: int) -> tuple[int, ...]:
    """Participants' levels typed as "2, 3, 3, 4" (commas or spaces); ValueError names the problem."""
    levels = []
    for part in _LEVEL_SEPARATORS.split(text.strip()):
        if not part:
            continue
        if not part.isdigit() or not 1 <= int(part) <= top:
            raise ValueError(f'"{part}" is not a level: enter whole numbers from 1 to {top}')
        levels.append(int(part))
    return tuple(levels)


def _check(network, leader, version, date, entries) -> None:
    """The rules a recorded or edited session must keep; RoundError (or ValueError for a level
    outside the matrix) before anything is saved."""
    if not is_leader(network, leader):
        raise RoundError("Only the network's leaders can record a session.")
    if version is None or version.instrument.kind != scoring.MATRIX:
        raise RoundError("Sessions are for maturity matrices only.")
    if date > timezone.localdate():
        raise RoundError("The date of the session must be today or in the past")
    scoring.score_matrix(version.data, entries)


def _rows(session, entries):
    return [
        MatrixRow(
            session=session,
            dimension=key,
            participant_levels=list(entry.chosen),
            agreed_current=entry.current,
            target=entry.target,
        )
        for key, entry in entries.items()
    ]


@transaction.atomic
def record_session(network, leader, instrument, date, notes, entries: dict[str, scoring.MatrixEntry]) -> MatrixSession:
    version = instrument.current_version
    _check(network, leader, version, date, entries)
    session = MatrixSession.objects.create(network=network, version=version, date=date, notes=notes, recorded_by=leader)
    MatrixRow.objects.bulk_create(_rows(session, entries))
    return session


@transaction.atomic
def update_session(session, leader, date, notes, entries: dict[str, scoring.MatrixEntry]) -> MatrixSession:
    """Correct a session: its date, notes and levels. It keeps the matrix version it was recorded
    with (the form asks that version's dimensions), who recorded it and when; the changes shown
    on it and on the sessions around it follow from the dates, so they stay right."""
    _check(session.network, leader, session.version, date, entries)
    session.date = date
    session.notes = notes
    session.save(update_fields=["date", "notes"])
    # Replaced whole: a dimension cleared on the form is cleared here too.
    session.rows.all().delete()
    MatrixRow.objects.bulk_create(_rows(session, entries))
    return session


def delete_session(session, leader) -> None:
    if not is_leader(session.network, leader):
        raise RoundError("Only the network's leaders can delete a session.")
    session.delete()  # its rows go with it (CASCADE)


def session_entries(session) -> dict[str, scoring.MatrixEntry]:
    return {
        row.dimension: scoring.MatrixEntry(
            chosen=tuple(row.participant_levels), current=row.agreed_current, target=row.target
        )
        for row in session.rows.all()
    }


@dataclass
class SessionLine:
    key: str
    title: str
    levels: int
    result: scoring.MatrixDimensionResult
    current_descriptor: str
    change: str = ""  # the current level's change since the previous session

    @property
    def above_target(self) -> bool:
        return self.result.gap is not None and self.result.gap < 0


def session_lines(session, previous=None) -> list[SessionLine]:
    data = session.version.data
    results = scoring.score_matrix(data, session_entries(session))
    before = {}
    if previous is not None:
        before = {
            result.key: result for result in scoring.score_matrix(previous.version.data, session_entries(previous))
        }
    lines = []
    for dimension, result in zip(data.dimensions, results, strict=True):
        descriptors = {level.level: level.descriptor for level in dimension.levels}
        old = before.get(dimension.key)
        change = ""
        if old is not None and old.current is not None and result.current is not None:
            difference = result.current - old.current
            change = "No change" if difference == 0 else f"{difference:+d}"
        lines.append(
            SessionLine(
                key=dimension.key,
                title=dimension.title,
                levels=len(dimension.levels),
                result=result,
                current_descriptor=descriptors.get(result.current, ""),
                change=change,
            )
        )
    return lines


def previous_session(session) -> MatrixSession | None:
    return (
        MatrixSession.objects.filter(network=session.network, version__instrument=session.version.instrument_id)
        # Sessions on the same day follow the order they were recorded in, as in the comparison.
        .filter(Q(date__lt=session.date) | Q(date=session.date, pk__lt=session.pk))
        .order_by("-date", "-pk")
        .first()
    )


@dataclass
class ComparisonRow:
    """One dimension across the sessions: its current level at each (None: not recorded)."""

    key: str
    title: str
    levels: int
    cells: list
    target: int | None = None  # at the latest session that recorded one
    change: str = ""  # the latest recorded current level against the first


@dataclass
class Comparison:
    """Current levels per dimension across a network's sessions of one matrix, oldest first."""

    instrument: object
    sessions: list
    rows: list[ComparisonRow] = field(default_factory=list)
    chart: object = None  # matrix_chart.ChangeChart, drawn from the rows


def _change(cells) -> str:
    recorded = [cell for cell in cells if cell is not None]
    if len(recorded) < 2:
        return ""
    difference = recorded[-1] - recorded[0]
    return "No change" if difference == 0 else f"{difference:+d}"


def compare_sessions(network) -> list[Comparison]:
    """Two queries however many sessions there are (the sessions with their versions, the rows)."""
    sessions = list(
        MatrixSession.objects.filter(network=network)
        .select_related("version__instrument")
        .prefetch_related("rows")
        .order_by("date", "pk")
    )
    by_instrument: dict[int, list] = {}
    for session in sessions:
        session.network = network  # for its address, without a query each
        by_instrument.setdefault(session.version.instrument_id, []).append(session)
    comparisons = []
    for group in by_instrument.values():
        data = group[-1].version.data
        scored = [
            {result.key: result for result in scoring.score_matrix(s.version.data, session_entries(s))} for s in group
        ]
        rows = []
        for dimension in data.dimensions:
            results = [by_key.get(dimension.key) for by_key in scored]
            cells = [result.current if result else None for result in results]
            targets = [result.target for result in results if result and result.target is not None]
            rows.append(
                ComparisonRow(
                    key=dimension.key,
                    title=dimension.title,
                    levels=len(dimension.levels),
                    cells=cells,
                    target=targets[-1] if targets else None,
                    change=_change(cells),
                )
            )
        comparison = Comparison(instrument=group[-1].version.instrument, sessions=group, rows=rows)
        comparison.chart = change_chart(comparison)
        comparisons.append(comparison)
    return comparisons


CSV_HEADER = (
    "date",
    "dimension",
    "area",
    "participant_levels",
    "range",
    "current_level",
    "target_level",
    "gap",
    "above_target",
    "change_since_previous",
)


def session_csv(session, lines: list[SessionLine]) -> str:
    """One row per dimension of the session's matrix, as its page shows them."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for line in lines:
        result = line.result
        writer.writerow(
            safe_row(
                (
                    session.date.isoformat(),
                    line.key,
                    line.title,
                    " ".join(str(level) for level in result.chosen),
                    result.range_text,
                    result.current,
                    result.target,
                    result.gap,
                    "yes" if line.above_target else "",
                    line.change,
                )
            )
        )
    return out.getvalue()
