"""A radar chart's geometry, drawn by a template as SVG on the server (no JavaScript).

The chart only illustrates the results table, which stays the accessible source of truth; the
SVG carries a title and a description, and the page links it to the table. Colours are SVG
presentation attributes, not inline styles, so the site's strict content security policy holds.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from fractions import Fraction

WIDTH = 640
HEIGHT = 500
CENTRE_X = WIDTH / 2
CENTRE_Y = HEIGHT / 2
RADIUS = 160
LABEL_GAP = 18
LABEL_WIDTH = 18  # characters a label line holds before wrapping
LINE_HEIGHT = 17


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    anchor: str  # SVG text-anchor: start, middle or end
    lines: tuple[str, ...]
    line_height: int = LINE_HEIGHT
    missing: bool = False  # the axis has no score: the template adds a "not enough" line


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    title: str  # shown as the point's tooltip


@dataclass(frozen=True)
class RadarChart:
    width: int
    height: int
    centre_x: float
    centre_y: float
    rings: tuple[str, ...]  # polygon points, one ring per scale point
    ring_labels: tuple[Label, ...]
    axes: tuple[tuple[float, float], ...]  # each axis' outer end (from the centre)
    labels: tuple[Label, ...]
    shape: str  # polygon points of the scores ("" when fewer than one score)
    points: tuple[Point, ...]
    circle_rings: bool  # fewer than 3 axes: draw rings as circles
    ring_radii: tuple[float, ...]


def _round(value: float) -> float:
    return round(value, 1)


def _angle(index: int, count: int) -> float:
    # The first axis points straight up; the rest follow clockwise.
    return -math.pi / 2 + 2 * math.pi * index / count


def _position(index: int, count: int, distance: float) -> tuple[float, float]:
    angle = _angle(index, count)
    return _round(CENTRE_X + distance * math.cos(angle)), _round(CENTRE_Y + distance * math.sin(angle))


def _points(coordinates) -> str:
    return " ".join(f"{x:g},{y:g}" for x, y in coordinates)


def _label(index: int, count: int, text: str, missing: bool = False) -> Label:
    x, y = _position(index, count, RADIUS + LABEL_GAP)
    cosine = math.cos(_angle(index, count))
    sine = math.sin(_angle(index, count))
    anchor = "start" if cosine > 0.3 else "end" if cosine < -0.3 else "middle"
    lines = tuple(textwrap.wrap(text, LABEL_WIDTH)) or ("",)
    extra = len(lines) - 1 + (1 if missing else 0)
    # Labels above the chart grow upwards; those at the sides are centred on their axis.
    if sine < -0.3:
        y -= LINE_HEIGHT * extra
    elif -0.3 <= sine <= 0.3:
        y -= LINE_HEIGHT * extra / 2
    else:
        y += LINE_HEIGHT * 0.8
    return Label(x=_round(x), y=_round(y), anchor=anchor, lines=lines, missing=missing)


def radar_chart(axes: list[tuple[str, Fraction | None, str]], low: int, high: int) -> RadarChart:
    """Geometry for ``axes`` — (label, score or None, score as shown) — on a scale ``low..high``.

    A dimension without a score keeps its axis and label, marked as missing, but has no point;
    the shape joins the others.
    """
    count = len(axes)
    span = high - low
    ring_values = list(range(low, high + 1))
    radii = [RADIUS * (value - low) / span for value in ring_values]
    rings = tuple(_points(_position(i, count, radius) for i in range(count)) for radius in radii)
    ring_labels = tuple(
        Label(x=_round(CENTRE_X + 4), y=_round(CENTRE_Y - radius - 3), anchor="start", lines=(str(value),))
        for value, radius in zip(ring_values, radii, strict=True)
        if radius > 0
    )
    ends = tuple(_position(i, count, RADIUS) for i in range(count))
    labels = tuple(_label(i, count, title, score is None) for i, (title, score, _) in enumerate(axes))
    points = []
    for i, (title, score, shown) in enumerate(axes):
        if score is None:
            continue
        ratio = float((Fraction(score) - low) / span)
        x, y = _position(i, count, RADIUS * max(0.0, min(1.0, ratio)))
        points.append(Point(x=x, y=y, title=f"{title}: {shown}"))
    return RadarChart(
        width=WIDTH,
        height=HEIGHT,
        centre_x=CENTRE_X,
        centre_y=CENTRE_Y,
        rings=rings,
        ring_labels=ring_labels,
        axes=ends,
        labels=labels,
        shape=_points((point.x, point.y) for point in points),
        points=tuple(points),
        circle_rings=count < 3,
        ring_radii=tuple(_round(radius) for radius in radii if radius > 0),
    )
