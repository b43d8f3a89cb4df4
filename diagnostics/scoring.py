"""Scoring rules for diagnostic instruments (PRODUCT.md section 6.2), free of the database.

Everything here works on plain values: the dataclasses below describe an instrument, answers are
plain mappings of item key to answer, and results are plain dataclasses. The database models, the
admin, the screens and the ``score_responses`` command all call these functions, so a score is
computed one way everywhere.

Numbers
-------
Scores are exact rational numbers (:class:`fractions.Fraction`), never floats. A dimension score
is a mean such as 13/3, which no Decimal can hold exactly; an overall score is a mean of such
means, and rounding the parts would move a score that is exactly on a band threshold to just
below it (13/3, 13/3 and 10/3 average to exactly 4.0, a ``strength``; with 28-digit Decimals the
sum is 11.999…9 and the band would be ``developing``). So every score stays exact until it is
shown or exported, and only then is it rounded half-up (:func:`format_display`,
:func:`format_export`, :func:`to_decimal`). Band thresholds are Decimals (they come from JSON
numbers such as ``4.0``) and are compared exactly. The one irrational figure, the standard
deviation, is a Decimal computed to 50 significant digits; it is only ever shown, never banded.

Functions accept ``int``, ``Decimal`` or ``Fraction`` wherever a number goes in, and refuse
``float`` so that a binary rounding error cannot creep in unnoticed.

Rules (section 6.2)
-------------------
1. An answer is an integer in ``min..max``, ``NA`` or missing (``None`` or absent).
2. Item score = the answer, or ``min + max − answer`` for a reverse-scored statement.
3. Dimension score = mean of the answered item scores; empty (``None``, "not enough answers")
   when answered < ceil(items / 2).
4. Band = the first band, highest first, whose ``min`` the **unrounded** score reaches; the last
   band has no minimum and catches the rest.
5. Overall score = mean of the non-empty dimension scores; ``None`` if there are none.
6. Rounding half-up, to 1 place for display and 2 for export, and only then.
7. Aggregates per dimension (and overall) over non-empty scores: n, mean, min, max, population
   standard deviation, band of the mean; figures withheld when n < the minimum responses.
8. Maturity matrix: agreed current level defaults to the lowest level any participant chose;
   range "min–max" or one number; gap = target − current.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Context, Decimal
from fractions import Fraction
from typing import Literal

#: The answer "don't know / not applicable".
NA: Literal["NA"] = "NA"

SURVEY = "survey"
MATRIX = "matrix"
KINDS = (SURVEY, MATRIX)

#: The row name of the overall score in results and CSV files; no dimension may use it.
OVERALL = "overall"

#: Default minimum number of responses before a network aggregate shows figures.
DEFAULT_MIN_RESPONSES = 3

#: Decimal places for display and for export (rule 6).
DISPLAY_PLACES = 1
EXPORT_PLACES = 2

# Precision for the standard deviation's square root: far more digits than the 2 places exported,
# so rounding the result half-up is exact for any realistic data.
_SD_CONTEXT = Context(prec=50)

Number = int | Decimal | Fraction
Answer = int | Literal["NA"] | None


# --------------------------------------------------------------------------------------------
# Instrument definition
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scale:
    """The answer scale of a survey: whole numbers ``min..max``, optionally with "NA"."""

    min: int
    max: int
    labels: dict[str, str] = field(default_factory=dict)  # {"1": "Strongly disagree", ...}
    allow_na: bool = False

    def contains(self, value: int) -> bool:
        return self.min <= value <= self.max


@dataclass(frozen=True)
class Band:
    """A band: scores at or above ``min`` (and below the band above) belong to it.

    The last band of an instrument has ``min=None`` and takes every score below the others.
    """

    key: str
    label: str
    min: Decimal | None


@dataclass(frozen=True)
class Item:
    """A statement of a survey dimension."""

    key: str
    text: str
    reverse: bool = False


@dataclass(frozen=True)
class Level:
    """A described level (1..L) of a maturity-matrix dimension."""

    level: int
    descriptor: str


@dataclass(frozen=True)
class Dimension:
    """A dimension: statements (survey) or described levels (matrix)."""

    key: str
    title: str
    description: str = ""
    topics: tuple[str, ...] = ()
    guidance: dict[str, str] = field(default_factory=dict)  # band key -> guidance text
    items: tuple[Item, ...] = ()
    levels: tuple[Level, ...] = ()


DEFAULT_SCALE = Scale(
    min=1,
    max=5,
    labels={
        "1": "Strongly disagree",
        "2": "Disagree",
        "3": "Neither agree nor disagree",
        "4": "Agree",
        "5": "Strongly agree",
    },
    allow_na=True,
)

DEFAULT_BANDS: tuple[Band, ...] = (
    Band("strength", "Strength", Decimal("4.0")),
    Band("developing", "Developing", Decimal("3.0")),
    Band("priority", "Priority", None),
)


@dataclass(frozen=True)
class Instrument:
    """A diagnostic instrument as plain data (the Instrument JSON of section 6.4)."""

    slug: str
    title: str
    kind: str
    dimensions: tuple[Dimension, ...]
    description: str = ""
    scale: Scale | None = DEFAULT_SCALE  # None only for a matrix that gives no scale
    bands: tuple[Band, ...] = DEFAULT_BANDS
    min_responses: int = DEFAULT_MIN_RESPONSES

    @property
    def items(self) -> tuple[Item, ...]:
        """Every statement, in instrument order."""
        return tuple(item for dimension in self.dimensions for item in dimension.items)

    def band(self, key: str) -> Band | None:
        return next((band for band in self.bands if band.key == key), None)


# --------------------------------------------------------------------------------------------
# Numbers and rounding
# --------------------------------------------------------------------------------------------


def _exact(value: Number) -> Fraction:
    """Turn an int, Decimal or Fraction into an exact Fraction; refuse floats and bools."""
    if isinstance(value, bool | float):
        raise TypeError(f"scores must be int, Decimal or Fraction, not {type(value).__name__}")
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"not a finite number: {value}")
        return Fraction(value)
    if isinstance(value, int | Fraction):
        return Fraction(value)
    raise TypeError(f"scores must be int, Decimal or Fraction, not {type(value).__name__}")


def to_decimal(value: Number, places: int) -> Decimal:
    """Round ``value`` half-up (ties away from zero) to ``places`` decimal places, exactly.

    Works on the exact value, so 2.675 gives 2.68 (a binary float holds 2.67499… and would give
    2.67), and a Fraction such as 13/3 gives 4.33.
    """
    exact = _exact(value)
    scaled = abs(exact) * 10**places
    whole = math.floor(scaled + Fraction(1, 2))  # half-up on the magnitude
    if exact < 0 and whole:
        whole = -whole  # ties go away from zero, like decimal.ROUND_HALF_UP; never "-0.0"
    return Decimal(whole).scaleb(-places)


def _format(value: Number | None, places: int) -> str:
    if value is None:
        return ""
    return f"{to_decimal(value, places):.{places}f}"


def format_display(value: Number | None) -> str:
    """A score as shown on screen: 1 decimal place, half-up (2.25 → "2.3"); "" when empty."""
    return _format(value, DISPLAY_PLACES)


def format_export(value: Number | None) -> str:
    """A score as exported to CSV: 2 decimal places, half-up (2.125 → "2.13"); "" when empty."""
    return _format(value, EXPORT_PLACES)


def _mean(values: Sequence[Fraction]) -> Fraction:
    return sum(values, Fraction(0)) / len(values)


# --------------------------------------------------------------------------------------------
# Survey scoring (rules 1-5)
# --------------------------------------------------------------------------------------------


def check_answer(answer: object, scale: Scale) -> Answer:
    """Return ``answer`` if rule 1 allows it on ``scale``, otherwise raise ValueError."""
    if answer is None:
        return None
    if answer == NA and isinstance(answer, str):
        if not scale.allow_na:
            raise ValueError('"NA" is not allowed: this scale has no "don\'t know / not applicable"')
        return NA
    if isinstance(answer, bool) or not isinstance(answer, int):
        raise ValueError(f"{answer!r} is not a whole number, NA or empty")
    if not scale.contains(answer):
        raise ValueError(f"{answer} is out of range: answers go from {scale.min} to {scale.max}")
    return answer


def item_score(answer: Answer, scale: Scale, reverse: bool = False) -> int | None:
    """Rule 2: the answer, or ``min + max − answer`` when the statement is reverse-scored.

    NA and missing answers have no item score (``None``).
    """
    answer = check_answer(answer, scale)
    if answer is None or answer == NA:
        return None
    return scale.min + scale.max - answer if reverse else answer


def answers_needed(item_count: int) -> int:
    """Rule 3: how many statements must be answered for a dimension score: ceil(items / 2)."""
    return math.ceil(item_count / 2)


def dimension_score(dimension: Dimension, answers: Mapping[str, Answer], scale: Scale) -> Fraction | None:
    """Rule 3: the mean item score of the answered statements, or ``None`` if too few answered.

    NA and missing answers are left out. With 5 statements 3 answers are needed, with 4 then 2.
    """
    return _score_dimension(dimension, answers, scale)[0]


def _score_dimension(dimension: Dimension, answers: Mapping[str, Answer], scale: Scale) -> tuple[Fraction | None, int]:
    scores = [
        score
        for item in dimension.items
        if (score := item_score(answers.get(item.key), scale, item.reverse)) is not None
    ]
    if not dimension.items or len(scores) < answers_needed(len(dimension.items)):
        return None, len(scores)
    return _mean([Fraction(score) for score in scores]), len(scores)


def band_for(score: Number | None, bands: Sequence[Band]) -> Band | None:
    """Rule 4: the band of an **unrounded** score; ``None`` when the score is empty.

    Bands are ordered highest first; a score belongs to the first band whose ``min`` it reaches
    (``score >= min``), and the last band (``min`` None) takes the rest. So with the default
    bands 4.0 is ``strength``, 3.95 is ``developing`` and 2.95 is ``priority``.
    """
    if score is None:
        return None
    exact = _exact(score)
    for band in bands:
        if band.min is None or exact >= _exact(band.min):
            return band
    # Only reachable with bands lacking a final catch-all, which the instrument format refuses.
    raise ValueError(f"no band for score {format_export(exact)}: the last band must have no minimum")


def overall_score(dimension_scores: Iterable[Number | None]) -> Fraction | None:
    """Rule 5: the mean of the non-empty dimension scores, or ``None`` if all are empty.

    Every dimension counts equally, however many statements it has.
    """
    present = [_exact(score) for score in dimension_scores if score is not None]
    return _mean(present) if present else None


@dataclass(frozen=True)
class DimensionResult:
    """One respondent's result for one dimension."""

    key: str
    score: Fraction | None  # None: "not enough answers"
    band: Band | None
    answered: int  # statements answered (NA and missing left out)
    items: int  # statements in the dimension

    @property
    def band_key(self) -> str | None:
        return self.band.key if self.band else None


@dataclass(frozen=True)
class RespondentResult:
    """One respondent's results: every dimension in instrument order, then the overall score."""

    dimensions: tuple[DimensionResult, ...]
    overall_score: Fraction | None
    overall_band: Band | None

    @property
    def overall(self) -> DimensionResult:
        """The overall score as a result line named ``overall``."""
        return DimensionResult(
            key=OVERALL,
            score=self.overall_score,
            band=self.overall_band,
            answered=sum(1 for result in self.dimensions if result.score is not None),
            items=len(self.dimensions),
        )

    def dimension(self, key: str) -> DimensionResult:
        for result in self.dimensions:
            if result.key == key:
                return result
        raise KeyError(key)


def check_answers(instrument: Instrument, answers: Mapping[str, object]) -> dict[str, Answer]:
    """Check a respondent's answers against ``instrument``; return them for every item key.

    Unknown item keys and answers that rule 1 does not allow raise ValueError naming the item.
    Items without an answer are returned as ``None`` (missing).
    """
    _require_survey(instrument)
    keys = {item.key for item in instrument.items}
    unknown = [key for key in answers if key not in keys]
    if unknown:
        raise ValueError(f"unknown item key {unknown[0]!r}")
    checked: dict[str, Answer] = {}
    for item in instrument.items:
        try:
            checked[item.key] = check_answer(answers.get(item.key), instrument.scale)
        except ValueError as error:
            raise ValueError(f"{item.key}: {error}") from None
    return checked


def score_respondent(instrument: Instrument, answers: Mapping[str, object]) -> RespondentResult:
    """Score one respondent's answers (item key → int, ``"NA"`` or ``None``) to a survey.

    Raises ValueError for unknown item keys or answers outside the scale.
    """
    checked = check_answers(instrument, answers)
    results = []
    for dimension in instrument.dimensions:
        score, answered = _score_dimension(dimension, checked, instrument.scale)
        results.append(
            DimensionResult(
                key=dimension.key,
                score=score,
                band=band_for(score, instrument.bands),
                answered=answered,
                items=len(dimension.items),
            )
        )
    overall = overall_score(result.score for result in results)
    return RespondentResult(
        dimensions=tuple(results), overall_score=overall, overall_band=band_for(overall, instrument.bands)
    )


def _require_survey(instrument: Instrument) -> None:
    if instrument.kind != SURVEY or instrument.scale is None:
        raise ValueError(f"{instrument.slug} is a {instrument.kind}, not a survey: it has no scores")


# --------------------------------------------------------------------------------------------
# Network aggregates (rule 7)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AggregateLine:
    """A dimension's (or the overall) aggregate over respondents with a non-empty score.

    When ``enough`` is false (n below the instrument's minimum responses) every figure but ``n``
    is ``None``: the screens show "not enough responses".
    """

    key: str
    n: int
    enough: bool
    mean: Fraction | None = None
    min: Fraction | None = None
    max: Fraction | None = None
    sd: Decimal | None = None  # population standard deviation
    band: Band | None = None  # band of the unrounded mean

    @property
    def band_key(self) -> str | None:
        return self.band.key if self.band else None

    @property
    def range_text(self) -> str:
        """The spread for display, "2.3–4.0" (en dash), or "" when withheld."""
        if not self.enough:
            return ""
        low, high = format_display(self.min), format_display(self.max)
        return low if low == high else f"{low}–{high}"


@dataclass(frozen=True)
class AggregateResult:
    """A network aggregate: every dimension in instrument order, then the overall line."""

    dimensions: tuple[AggregateLine, ...]
    overall: AggregateLine

    @property
    def lines(self) -> tuple[AggregateLine, ...]:
        return (*self.dimensions, self.overall)

    def dimension(self, key: str) -> AggregateLine:
        for line in self.dimensions:
            if line.key == key:
                return line
        raise KeyError(key)


def population_sd(values: Sequence[Number]) -> Decimal:
    """Population standard deviation, sqrt(Σ(x − mean)² / n), to 50 significant digits.

    The variance is exact (a Fraction); only the square root is approximated, by Decimal's
    correctly rounded ``sqrt`` at 50 digits, so the 2-place export is exact.
    """
    if not values:
        raise ValueError("the standard deviation of no values is undefined")
    exact = [_exact(value) for value in values]
    mean = _mean(exact)
    variance = sum(((value - mean) ** 2 for value in exact), Fraction(0)) / len(exact)
    quotient = _SD_CONTEXT.divide(Decimal(variance.numerator), Decimal(variance.denominator))
    return _SD_CONTEXT.sqrt(quotient)


def aggregate_scores(
    key: str, scores: Iterable[Number | None], bands: Sequence[Band], min_responses: int
) -> AggregateLine:
    """Aggregate one dimension's (or the overall) scores; empty scores are left out of n."""
    present = [_exact(score) for score in scores if score is not None]
    n = len(present)
    if n < min_responses or n == 0:
        return AggregateLine(key=key, n=n, enough=False)
    mean = _mean(present)
    return AggregateLine(
        key=key,
        n=n,
        enough=True,
        mean=mean,
        min=min(present),
        max=max(present),
        sd=population_sd(present),
        band=band_for(mean, bands),
    )


def aggregate(instrument: Instrument, results: Iterable[RespondentResult]) -> AggregateResult:
    """Rule 7: the network aggregate of respondents' results to ``instrument``.

    Per dimension, over the respondents whose dimension score is not empty: n, mean, min, max,
    population SD and the band of the (unrounded) mean. The overall line aggregates the
    respondents' overall scores the same way. Any line whose n is below the instrument's
    ``min_responses`` keeps its n but withholds everything else.
    """
    _require_survey(instrument)
    results = list(results)
    lines = []
    for dimension in instrument.dimensions:
        scores = [result.dimension(dimension.key).score for result in results]
        lines.append(aggregate_scores(dimension.key, scores, instrument.bands, instrument.min_responses))
    overall = aggregate_scores(
        OVERALL, (result.overall_score for result in results), instrument.bands, instrument.min_responses
    )
    return AggregateResult(dimensions=tuple(lines), overall=overall)


# --------------------------------------------------------------------------------------------
# Maturity matrix (rule 8)
# --------------------------------------------------------------------------------------------


def agreed_current(chosen: Iterable[int], agreed: int | None = None) -> int | None:
    """The agreed current level: as recorded, or by default the lowest level anyone chose."""
    if agreed is not None:
        return agreed
    chosen = list(chosen)
    return min(chosen) if chosen else None


def level_range(chosen: Iterable[int]) -> str:
    """The spread of participants' levels: "2–4" (en dash), "3" when all agree, "" when none."""
    chosen = list(chosen)
    if not chosen:
        return ""
    low, high = min(chosen), max(chosen)
    return str(low) if low == high else f"{low}–{high}"


def gap(target: int | None, current: int | None) -> int | None:
    """Gap = target − current, or ``None`` when either level is not recorded."""
    if target is None or current is None:
        return None
    return target - current


@dataclass(frozen=True)
class MatrixEntry:
    """What a group session recorded for one dimension (all parts optional)."""

    chosen: tuple[int, ...] = ()  # each participant's level
    current: int | None = None  # the agreed current level, if the group recorded one
    target: int | None = None


@dataclass(frozen=True)
class MatrixDimensionResult:
    key: str
    chosen: tuple[int, ...]
    current: int | None
    target: int | None
    range_text: str
    gap: int | None


def score_matrix_dimension(dimension: Dimension, entry: MatrixEntry) -> MatrixDimensionResult:
    """Rule 8 for one dimension; every level given must be one of the dimension's levels."""
    top = len(dimension.levels)
    given = [*entry.chosen, entry.current, entry.target]
    for level in given:
        if level is not None and (isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= top):
            raise ValueError(f"{dimension.key}: level {level!r} is not between 1 and {top}")
    current = agreed_current(entry.chosen, entry.current)
    return MatrixDimensionResult(
        key=dimension.key,
        chosen=tuple(entry.chosen),
        current=current,
        target=entry.target,
        range_text=level_range(entry.chosen),
        gap=gap(entry.target, current),
    )


def score_matrix(instrument: Instrument, entries: Mapping[str, MatrixEntry]) -> tuple[MatrixDimensionResult, ...]:
    """Rule 8 for a whole session, in instrument order; dimensions not recorded come out empty."""
    if instrument.kind != MATRIX:
        raise ValueError(f"{instrument.slug} is a {instrument.kind}, not a matrix")
    keys = {dimension.key for dimension in instrument.dimensions}
    unknown = [key for key in entries if key not in keys]
    if unknown:
        raise ValueError(f"unknown dimension key {unknown[0]!r}")
    return tuple(
        score_matrix_dimension(dimension, entries.get(dimension.key, MatrixEntry()))
        for dimension in instrument.dimensions
    )
