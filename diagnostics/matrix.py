"""Maturity matrix sessions (PRODUCT.md 6.1, rule 8): recording a network's group session and
comparing sessions over time. The arithmetic is ``scoring.score_matrix``; this module stores and
arranges it. Only the network's leaders record and see sessions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from community.networks.membership import is_leader

from . import scoring
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


@transaction.atomic
def record_session(network, leader, instrument, date, notes, entries: dict[str, scoring.MatrixEntry]) -> MatrixSession:
    if not is_leader(network, leader):
        raise RoundError("Only the network's leaders can record a session.")
    version = instrument.current_version
    if instrument.kind != scoring.MATRIX or version is None:
        raise RoundError("Sessions are for maturity matrices only.")
    if date > timezone.localdate():
        raise RoundError("The date of the session must be today or in the past")
    # Checks every level against the instrument before anything is saved.
    scoring.score_matrix(version.data, entries)
    session = MatrixSession.objects.create(network=network, version=version, date=date, notes=notes, recorded_by=leader)
    MatrixRow.objects.bulk_create(
        MatrixRow(
            session=session,
            dimension=key,
            participant_levels=list(entry.chosen),
            agreed_current=entry.current,
            target=entry.target,
        )
        for key, entry in entries.items()
    )
    return session


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
        .filter(date__lt=session.date)
        .order_by("-date", "-pk")
        .first()
    )


@dataclass
class Comparison:
    """Current levels per dimension across a network's sessions of one matrix, oldest first."""

    instrument: object
    sessions: list
    rows: list  # (dimension title, [current level or "" per session])


def compare_sessions(network) -> list[Comparison]:
    sessions = list(
        MatrixSession.objects.filter(network=network)
        .select_related("version__instrument")
        .prefetch_related("rows")
        .order_by("date", "pk")
    )
    by_instrument: dict[int, list] = {}
    for session in sessions:
        by_instrument.setdefault(session.version.instrument_id, []).append(session)
    comparisons = []
    for group in by_instrument.values():
        data = group[-1].version.data
        scored = [
            {result.key: result for result in scoring.score_matrix(s.version.data, session_entries(s))} for s in group
        ]
        rows = []
        for dimension in data.dimensions:
            cells = []
            for results in scored:
                result = results.get(dimension.key)
                cells.append(result.current if result and result.current is not None else "")
            rows.append((dimension.title, cells))
        comparisons.append(Comparison(instrument=group[-1].version.instrument, sessions=group, rows=rows))
    return comparisons
