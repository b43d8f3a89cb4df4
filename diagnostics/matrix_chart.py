"""The change chart of a network's maturity matrix sessions: its geometry, drawn by a template as
SVG on the server (no JavaScript), as the radar chart is (radar.py).

One small panel per dimension, the sessions from left to right (oldest first, evenly spaced),
the levels from bottom to top; a line joins the agreed current levels and a dashed line marks the
target recorded at the latest session. Small panels rather than one chart with a line per
dimension: eight lines on five levels would lie on top of each other and need colour to tell
apart. The chart only illustrates the comparison table, which stays the accessible source of
truth; colours are SVG presentation attributes, so the strict content security policy holds.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

WIDTH = 640
COLUMNS = 2
PANEL_WIDTH = WIDTH // COLUMNS
PANEL_HEIGHT = 180
LEGEND_HEIGHT = 40
TITLE_WIDTH = 36  # characters a panel title line holds before wrapping
TITLE_TOP = 18
LINE_HEIGHT = 16
PLOT_TOP = 52
PLOT_BOTTOM = 140
PLOT_LEFT = 40
PLOT_RIGHT = 24  # space kept on the right of each panel
INSET = 10  # the first and last sessions sit this far inside the plot


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    anchor: str = "start"


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    title: str  # the point's tooltip


@dataclass(frozen=True)
class Panel:
    title: tuple[Text, ...]  # one Text per wrapped line
    grid: tuple[tuple[float, float, float], ...]  # (x1, x2, y) per level
    level_labels: tuple[Text, ...]
    date_labels: tuple[Text, ...]
    line: str  # polyline points joining the recorded levels ("" with fewer than two)
    points: tuple[Point, ...]
    target: tuple[float, float, float] | None  # (x1, x2, y) of the dashed target line
    description: str  # the panel in words, for the SVG's description
    empty: Text | None = None  # "Not recorded", when no session recorded a level


@dataclass(frozen=True)
class ChangeChart:
    width: int
    height: int
    panels: tuple[Panel, ...]


def _round(value: float) -> float:
    return round(value, 1)


def full_date(day) -> str:
    """As the site writes dates: 1 June 2025."""
    return f"{day.day} {day:%B %Y}"


def _level_y(level: int, top_level: int, origin_y: float) -> float:
    top, bottom = origin_y + PLOT_TOP, origin_y + PLOT_BOTTOM
    if top_level <= 1:
        return _round((top + bottom) / 2)
    return _round(bottom - (level - 1) * (bottom - top) / (top_level - 1))


def _session_x(index: int, count: int, origin_x: float) -> float:
    left, right = origin_x + PLOT_LEFT, origin_x + PANEL_WIDTH - PLOT_RIGHT
    if count == 1:
        return _round((left + right) / 2)
    return _round(left + INSET + index * (right - left - 2 * INSET) / (count - 1))


def _describe(title, dates, cells, target, levels) -> str:
    recorded = [f"{cell} on {full_date(day)}" for day, cell in zip(dates, cells, strict=True) if cell is not None]
    text = f"{title}: " + (", ".join(recorded) if recorded else "not recorded")
    if target is not None:
        text += f"; target {target}"
    return text + f" (of {levels})."


def _panel(index: int, row, dates: list) -> Panel:
    origin_x = (index % COLUMNS) * PANEL_WIDTH
    origin_y = LEGEND_HEIGHT + (index // COLUMNS) * PANEL_HEIGHT
    left, right = origin_x + PLOT_LEFT, origin_x + PANEL_WIDTH - PLOT_RIGHT
    count = len(dates)
    title = tuple(
        Text(x=origin_x + 8, y=origin_y + TITLE_TOP + number * LINE_HEIGHT, text=line)
        for number, line in enumerate(textwrap.wrap(row.title, TITLE_WIDTH)[:2])
    )
    levels = range(1, row.levels + 1)
    grid = tuple((left, right, _level_y(level, row.levels, origin_y)) for level in levels)
    level_labels = tuple(
        Text(x=left - 8, y=_round(_level_y(level, row.levels, origin_y) + 4), text=str(level), anchor="end")
        for level in levels
    )
    date_y = origin_y + PLOT_BOTTOM + 22
    if count == 1:
        date_labels = (Text(x=_session_x(0, 1, origin_x), y=date_y, text=full_date(dates[0]), anchor="middle"),)
    else:
        date_labels = (
            Text(x=left, y=date_y, text=full_date(dates[0])),
            Text(x=right, y=date_y, text=full_date(dates[-1]), anchor="end"),
        )
    points = tuple(
        Point(
            x=_session_x(number, count, origin_x),
            y=_level_y(cell, row.levels, origin_y),
            title=f"{row.title}, {full_date(day)}: level {cell} of {row.levels}",
        )
        for number, (day, cell) in enumerate(zip(dates, row.cells, strict=True))
        if cell is not None
    )
    target = None
    if row.target is not None:
        target = (left, right, _level_y(row.target, row.levels, origin_y))
    return Panel(
        title=title,
        grid=grid,
        level_labels=level_labels,
        date_labels=date_labels,
        line=" ".join(f"{point.x:g},{point.y:g}" for point in points) if len(points) > 1 else "",
        points=points,
        target=target,
        description=_describe(row.title, dates, row.cells, row.target, row.levels),
        empty=None
        if points
        else Text(
            x=_round((left + right) / 2),
            y=_round(origin_y + (PLOT_TOP + PLOT_BOTTOM) / 2),
            text="Not recorded",
            anchor="middle",
        ),
    )


def change_chart(comparison) -> ChangeChart:
    """Geometry for a ``matrix.Comparison``: its sessions' dates and, per dimension, the current
    level at each session (None: not recorded), the latest target and the number of levels."""
    dates = [session.date for session in comparison.sessions]
    panels = tuple(_panel(index, row, dates) for index, row in enumerate(comparison.rows))
    rows = math.ceil(len(panels) / COLUMNS)
    return ChangeChart(width=WIDTH, height=LEGEND_HEIGHT + rows * PANEL_HEIGHT, panels=panels)
