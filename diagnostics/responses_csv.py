"""The Responses CSV (import into a round, offline scoring) and the two scores CSVs (section 6.4).

Responses CSV
-------------
Header ``respondent,<item key>...`` with an optional final ``comment`` column. The item columns may
come in any order and need not list every statement (a statement without a column is missing for
everyone), but each must be an item key of the instrument and appear once. Each answer cell is a
whole number on the scale, ``NA`` (only if the scale allows "don't know / not applicable") or
empty (missing). Spaces around a cell are ignored, and so are rows whose cells are all empty (as
spreadsheets leave at the end). Each respondent must be named, once, in at most 200 characters
and without control characters (such as NUL, which the database cannot store); a comment has at
most 5,000 characters, as on the site's answer page.

Problems raise :class:`ResponsesCSVError` naming the first problem by **line number in the file**
(the header is line 1, so this is also the spreadsheet row number unless a quoted comment spans
several lines) and by **column number and name**, e.g.
``line 4, column 3 (q2): 7 is out of range: answers go from 1 to 5``.

Scores CSVs
-----------
:func:`scores_csv` writes ``respondent,dimension,score,band`` (a row per respondent per dimension
in instrument order, then ``overall``); :func:`aggregate_csv` writes
``dimension,n,mean,min,max,sd,band`` (a row per dimension, then ``overall``). Figures have 2
decimal places rounded half-up, ``n`` is a whole number, empty scores and withheld figures are
empty cells, each row ends with ``\\n``, and a value is quoted only when it must be: when it holds
a comma (or a double quote or line break, which could not be read back otherwise). Text that a
spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return, and not a plain number) gets a single quote in front
(:func:`source4networks.csvsafe.safe_cell`); figures are plain numbers, so a negative score stays
a number.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass

from source4networks.csvsafe import safe_cell

from .scoring import (
    NA,
    AggregateResult,
    Answer,
    Instrument,
    RespondentResult,
    aggregate,
    format_export,
    score_respondent,
)

RESPONDENT = "respondent"
COMMENT = "comment"
MAX_RESPONDENT_LENGTH = 200
MAX_COMMENT_LENGTH = 5000  # as on the site's answer page
# Longer than any whole number on a scale (whose ends lie from -1000 to 1000); Python cannot even
# read numbers of more than 4,300 digits.
MAX_ANSWER_LENGTH = 10
# Control characters cannot be typed into a reference; the database cannot store NUL at all.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

SCORES_HEADER = ("respondent", "dimension", "score", "band")
AGGREGATE_HEADER = ("dimension", "n", "mean", "min", "max", "sd", "band")

_WHOLE_NUMBER = re.compile(r"-?[0-9]+")


class ResponsesCSVError(ValueError):
    """A Responses CSV the instrument cannot accept; ``line`` and ``column`` are 1-based."""

    def __init__(self, problem: str, line: int | None = None, column: int | None = None, name: str | None = None):
        self.problem = problem
        self.line = line
        self.column = column
        self.column_name = name
        where = []
        if line is not None:
            where.append(f"line {line}")
        if column is not None:
            where.append(f"column {column}" + (f" ({name})" if name else ""))
        super().__init__(f"{', '.join(where)}: {problem}" if where else problem)


class TooManyResponses(ResponsesCSVError):
    """The file has more responses than the caller's ``max_rows``."""


@dataclass(frozen=True)
class Response:
    """One respondent's row: answers for every item of the instrument (``None`` = missing)."""

    respondent: str
    answers: dict[str, Answer]
    comment: str
    line: int


def _decode(data: str | bytes) -> str:
    if isinstance(data, bytes):
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ResponsesCSVError(
                'the file is not UTF-8 text; save it from your spreadsheet as "CSV UTF-8"'
            ) from None
    return data.removeprefix("\ufeff")


def parse_responses(data: str | bytes, instrument: Instrument, max_rows: int | None = None) -> list[Response]:
    """Read a Responses CSV against a survey instrument; raise ResponsesCSVError on the first problem.

    With ``max_rows``, a file with more responses than that is refused as soon as the reader
    reaches the first one too many.
    """
    if instrument.kind != "survey" or instrument.scale is None:
        raise ResponsesCSVError(f"{instrument.slug} is not a survey, so it takes no responses")
    reader = csv.reader(io.StringIO(_decode(data), newline=""), strict=True)
    try:
        return _read(reader, instrument, max_rows)
    except csv.Error as error:
        # The reader has consumed the bad line; line_num is where it stopped.
        raise ResponsesCSVError(f"not valid CSV: {error}", line=reader.line_num) from None


def _read(reader, instrument: Instrument, max_rows: int | None) -> list[Response]:
    header = next(reader, None)
    if header is None or not any(cell.strip() for cell in header):
        raise ResponsesCSVError(f'the header is missing: expected "{RESPONDENT}," then item keys', line=1)
    columns = _header(header, instrument)
    has_comment = columns[-1] == COMMENT
    item_columns = columns[1:-1] if has_comment else columns[1:]
    scale = instrument.scale

    responses: list[Response] = []
    respondent_lines: dict[str, int] = {}
    line = reader.line_num + 1
    for cells in reader:
        start, line = line, reader.line_num + 1  # a quoted comment can span several lines
        if not any(cell.strip() for cell in cells):
            continue
        if max_rows is not None and len(responses) == max_rows:
            raise TooManyResponses(f"the file has more than {max_rows:,} responses, the most it can add", line=start)
        if len(cells) != len(columns):
            raise ResponsesCSVError(f"{len(cells)} values, but the header has {len(columns)} columns", line=start)
        respondent = cells[0].strip()
        if not respondent:
            raise ResponsesCSVError("the respondent is missing", line=start, column=1, name=RESPONDENT)
        if len(respondent) > MAX_RESPONDENT_LENGTH:
            raise ResponsesCSVError(
                f"the respondent must be at most {MAX_RESPONDENT_LENGTH} characters",
                line=start,
                column=1,
                name=RESPONDENT,
            )
        if _CONTROL.search(respondent):
            raise ResponsesCSVError(
                "the respondent contains a control character (such as NUL): use letters, digits and punctuation",
                line=start,
                column=1,
                name=RESPONDENT,
            )
        if respondent in respondent_lines:
            raise ResponsesCSVError(
                f'duplicate respondent "{respondent}" (also line {respondent_lines[respondent]})',
                line=start,
                column=1,
                name=RESPONDENT,
            )
        respondent_lines[respondent] = start
        answers: dict[str, Answer] = dict.fromkeys((item.key for item in instrument.items), None)
        for offset, key in enumerate(item_columns, start=2):
            answers[key] = _answer(cells[offset - 1].strip(), scale, start, offset, key)
        comment = _comment(cells[-1], start, len(columns)) if has_comment else ""
        responses.append(Response(respondent=respondent, answers=answers, comment=comment, line=start))
    return responses


def _comment(cell: str, line: int, column: int) -> str:
    comment = cell.strip()
    if len(comment) > MAX_COMMENT_LENGTH:
        raise ResponsesCSVError(
            f"the comment must be at most {MAX_COMMENT_LENGTH:,} characters", line=line, column=column, name=COMMENT
        )
    if "\x00" in comment:
        raise ResponsesCSVError("the comment contains the NUL character", line=line, column=column, name=COMMENT)
    return comment


def _header(cells: list[str], instrument: Instrument) -> list[str]:
    names = [cell.strip() for cell in cells]
    if names[0] != RESPONDENT:
        raise ResponsesCSVError(f'the first column must be "{RESPONDENT}", not "{names[0]}"', line=1, column=1)
    item_keys = {item.key for item in instrument.items}
    seen: dict[str, int] = {RESPONDENT: 1}
    for number, name in enumerate(names[1:], start=2):
        if not name:
            raise ResponsesCSVError("the column has no name", line=1, column=number)
        if name in seen:
            raise ResponsesCSVError(f'duplicate column "{name}" (also column {seen[name]})', line=1, column=number)
        seen[name] = number
        if name == COMMENT:
            if number != len(names):
                raise ResponsesCSVError(f'"{COMMENT}" must be the last column', line=1, column=number)
        elif name not in item_keys:
            raise ResponsesCSVError(f'unknown item key "{name}" (not in {instrument.slug})', line=1, column=number)
    if len(names) == 1 or names[1:] == [COMMENT]:
        raise ResponsesCSVError(f'no item columns: list item keys after "{RESPONDENT}"', line=1)
    return names


def _shown(cell: str) -> str:
    # Enough of a bad cell to find it, never a page of it.
    return cell if len(cell) <= 20 else cell[:20] + "…"


def _answer(cell: str, scale, line: int, column: int, key: str) -> Answer:
    if cell == "":
        return None
    if cell == NA:
        if not scale.allow_na:
            raise ResponsesCSVError(
                '"NA" is not allowed: this instrument has no "don\'t know / not applicable"',
                line=line,
                column=column,
                name=key,
            )
        return NA
    if _WHOLE_NUMBER.fullmatch(cell) and len(cell) > MAX_ANSWER_LENGTH:
        raise ResponsesCSVError(
            f"a {len(cell.lstrip('-')):,}-digit number is out of range: answers go from {scale.min} to {scale.max}",
            line=line,
            column=column,
            name=key,
        )
    if not _WHOLE_NUMBER.fullmatch(cell):
        raise ResponsesCSVError(
            f'"{_shown(cell)}" is not a whole number, "NA" or empty'
            if scale.allow_na
            else f'"{_shown(cell)}" is not a whole number or empty',
            line=line,
            column=column,
            name=key,
        )
    value = int(cell)
    if not scale.contains(value):
        raise ResponsesCSVError(
            f"{value} is out of range: answers go from {scale.min} to {scale.max}", line=line, column=column, name=key
        )
    return value


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


def _csv_value(value: object) -> str:
    # Respondent references are typed by people: never let a spreadsheet run one as a formula.
    text = "" if value is None else safe_cell(str(value))
    if any(char in text for char in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _csv_line(values: Iterable[object]) -> str:
    return ",".join(_csv_value(value) for value in values) + "\n"


def scores_csv(instrument: Instrument, scored: Iterable[tuple[str, RespondentResult]]) -> str:
    """``respondent,dimension,score,band``: per respondent, each dimension then ``overall``."""
    lines = [_csv_line(SCORES_HEADER)]
    for respondent, result in scored:
        for line in (*result.dimensions, result.overall):
            lines.append(_csv_line((respondent, line.key, format_export(line.score), line.band_key)))
    return "".join(lines)


def aggregate_csv(instrument: Instrument, result: AggregateResult) -> str:
    """``dimension,n,mean,min,max,sd,band``: each dimension then ``overall``; figures withheld below
    the minimum responses (n is always given)."""
    lines = [_csv_line(AGGREGATE_HEADER)]
    for line in result.lines:
        lines.append(
            _csv_line(
                (
                    line.key,
                    line.n,
                    format_export(line.mean),
                    format_export(line.min),
                    format_export(line.max),
                    format_export(line.sd),
                    line.band_key,
                )
            )
        )
    return "".join(lines)


def score_responses(instrument: Instrument, responses: Iterable[Response], aggregated: bool = False) -> str:
    """Score parsed responses and return the scores CSV, or the aggregate CSV if ``aggregated``."""
    scored = [(response.respondent, score_respondent(instrument, response.answers)) for response in responses]
    if aggregated:
        return aggregate_csv(instrument, aggregate(instrument, (result for _, result in scored)))
    return scores_csv(instrument, scored)
