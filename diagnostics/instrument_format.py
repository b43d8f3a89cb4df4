"""The Instrument JSON format (PRODUCT.md section 6.4): parse, validate and export.

::

    {"slug", "title", "kind": "survey"|"matrix", "description",
     "scale": {"min", "max", "labels": {"1": "..."}, "allow_na": bool},
     "bands": [{"key", "label", "min"}, ...],      # highest first; the last has "min": null
     "min_responses": int,
     "dimensions": [{"key", "title", "description", "topics": [...], "guidance": {"<band>": "..."},
                     "items": [{"key", "text", "reverse"}]            # survey
                     | "levels": [{"level", "descriptor"}]}]}         # matrix

Validation stops at the **first** problem, in the order the keys are listed above (for each object:
unknown keys first, then each known key in turn), and raises :class:`InstrumentError` whose message
starts with the path of the offending value, e.g. ``dimensions[2].items[0].key: missing``.

Which keys are required: ``slug``, ``title``, ``kind`` and ``dimensions``; ``scale`` for a survey;
for each dimension ``key``, ``title`` and its ``items`` (survey) or ``levels`` (matrix); for each
item ``key`` and ``text``; for each level ``level`` and ``descriptor``. The rest default as the
product does: ``description`` "", ``labels`` {}, ``allow_na`` false, ``bands`` strength ≥ 4.0 /
developing ≥ 3.0 / priority, ``min_responses`` 3, ``topics`` [], ``guidance`` {}, ``reverse`` false.
Unknown keys are refused, so a misspelt ``"reversed"`` cannot silently score a statement forwards.
Limits that keep an instrument sensible: the text at most 1 MB and nested no deeper than the
decoder allows; each number at most 30 characters long; the scale's ends from -1000 to 1000;
``min_responses`` from 1 to 1,000; no NUL character in any text (the database cannot store it).

:func:`instrument_to_dict` / :func:`dumps_instrument` export the canonical form: every key, in the
order above (``scale`` left out only for a matrix that has none). A file in canonical form survives
``dumps_instrument(loads_instrument(text)) == text``; the shipped files are kept that way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from .scoring import (
    DEFAULT_BANDS,
    DEFAULT_MIN_RESPONSES,
    KINDS,
    MATRIX,
    OVERALL,
    SURVEY,
    Band,
    Dimension,
    Instrument,
    Item,
    Level,
    Scale,
)

#: Where the instruments the project ships live (section 6.5).
SHIPPED_DIR = Path(__file__).resolve().parent / "instruments"

# Keys: letters, digits, "-" and "_", starting with a letter or digit. They appear as CSV column
# names and in URLs, so no commas, spaces or quotes.
KEY_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
MAX_KEY_LENGTH = 50
MAX_TITLE_LENGTH = 200
MAX_SCALE_POINTS = 21  # 0..20 at most; radio buttons beyond that are unusable
MAX_LEVELS = 10
# Bounds that keep every number an instrument holds sensible (and cheap to read, store and draw).
MAX_INSTRUMENT_BYTES = 1024 * 1024
MAX_NUMBER_LENGTH = 30  # characters of one number in the JSON text
MAX_SCALE_VALUE = 1000  # the scale's ends lie between -1000 and 1000
MAX_MIN_RESPONSES = 1000
# Column names the responses CSV uses for itself, so no item may take them.
RESERVED_ITEM_KEYS = ("respondent", "comment")

TOP_KEYS = ("slug", "title", "kind", "description", "scale", "bands", "min_responses", "dimensions")
SCALE_KEYS = ("min", "max", "labels", "allow_na")
BAND_KEYS = ("key", "label", "min")
DIMENSION_KEYS = ("key", "title", "description", "topics", "guidance", "items", "levels")
ITEM_KEYS = ("key", "text", "reverse")
LEVEL_KEYS = ("level", "descriptor")

_MISSING = object()


class InstrumentError(ValueError):
    """An invalid instrument; the message names the first problem, starting with its path."""

    def __init__(self, path: str, problem: str):
        if len(path) > 200:  # a path names keys from the file, which can be any length
            path = path[:200] + "…"
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}" if path else problem)


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json keeps the last of two equal keys without a word; an instrument file must not.
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise InstrumentError("", f"the key {json.dumps(key)} appears twice in one object")
        result[key] = value
    return result


def loads_instrument(text: str | bytes) -> Instrument:
    """Parse and validate Instrument JSON text. Raises InstrumentError naming the first problem."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise InstrumentError("", f"the file is not UTF-8 text ({error.reason} at byte {error.start})") from None
    text = text.removeprefix("\ufeff")
    if len(text.encode()) > MAX_INSTRUMENT_BYTES:
        raise InstrumentError("", "the instrument must be smaller than 1 MB")
    try:
        # Decimal keeps "4.0" as written, for exact thresholds and a faithful export.
        data = json.loads(text, parse_float=_parse_float, parse_int=_parse_int, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as error:
        raise InstrumentError("", f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})") from None
    except RecursionError:
        # Thousands of nested brackets exhaust the decoder; no instrument nests more than 5 deep.
        raise InstrumentError("", "lists or objects are nested too deeply") from None
    return parse_instrument(data)


def _check_number_length(text: str) -> None:
    if len(text) > MAX_NUMBER_LENGTH:
        raise InstrumentError(
            "", f"a number in the file is too long ({len(text):,} characters; {MAX_NUMBER_LENGTH} at most)"
        )


def _parse_int(text: str) -> int:
    # Python refuses to read whole numbers of more than 4,300 digits; refuse long ones clearly first.
    _check_number_length(text)
    return int(text)


def _parse_float(text: str) -> Decimal:
    _check_number_length(text)
    return Decimal(text)


def load_instrument_file(path: str | Path) -> Instrument:
    """Read and validate an Instrument JSON file."""
    return loads_instrument(Path(path).read_bytes())


def shipped_instrument_paths() -> list[Path]:
    """The instrument files the project ships, by file name."""
    return sorted(SHIPPED_DIR.glob("*.json"))


def parse_instrument(data: object) -> Instrument:
    """Validate already-decoded JSON (dicts and lists) and build an :class:`Instrument`."""
    obj = _object(data, "", TOP_KEYS)
    slug = _key(obj, "slug", "")
    title = _text(obj, "title", "", required=True, max_length=MAX_TITLE_LENGTH)
    kind = _get(obj, "kind", "", required=True)
    if kind not in KINDS:
        shown = f", not {json.dumps(kind)}" if isinstance(kind, str) and len(kind) <= MAX_KEY_LENGTH else ""
        raise InstrumentError("kind", f'must be "survey" or "matrix"{shown}')
    description = _text(obj, "description", "")

    raw_scale = _get(obj, "scale", "", required=kind == SURVEY)
    scale = None if raw_scale is _MISSING else _scale(raw_scale, "scale")

    raw_bands = _get(obj, "bands", "")
    bands = DEFAULT_BANDS if raw_bands is _MISSING else _bands(raw_bands, "bands", scale)

    raw_min = _get(obj, "min_responses", "")
    if raw_min is _MISSING:
        min_responses = DEFAULT_MIN_RESPONSES
    else:
        min_responses = _integer(raw_min, "min_responses")
        if min_responses < 1:
            raise InstrumentError("min_responses", "must be at least 1")
        if min_responses > MAX_MIN_RESPONSES:
            raise InstrumentError("min_responses", f"must be at most {MAX_MIN_RESPONSES:,}")

    raw_dimensions = _get(obj, "dimensions", "", required=True)
    if not isinstance(raw_dimensions, list):
        raise InstrumentError("dimensions", "must be a list")
    if not raw_dimensions:
        raise InstrumentError("dimensions", "must list at least one dimension")
    dimensions = []
    dimension_paths: dict[str, str] = {}
    item_paths: dict[str, str] = {}
    for index, raw in enumerate(raw_dimensions):
        path = f"dimensions[{index}]"
        dimension = _dimension(raw, path, kind, bands, item_paths)
        if dimension.key in dimension_paths:
            raise InstrumentError(
                f"{path}.key",
                f"duplicate dimension key {json.dumps(dimension.key)} (also {dimension_paths[dimension.key]})",
            )
        dimension_paths[dimension.key] = path
        dimensions.append(dimension)

    return Instrument(
        slug=slug,
        title=title,
        kind=kind,
        description=description,
        scale=scale,
        bands=bands,
        min_responses=min_responses,
        dimensions=tuple(dimensions),
    )


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _object(value: object, path: str, allowed: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise (
            InstrumentError(path, "must be a JSON object")
            if path
            else InstrumentError("", "the instrument must be a JSON object")
        )
    for key in value:
        if key not in allowed:
            raise InstrumentError(_join(path, key), "unknown key")
    return value


def _get(obj: Mapping[str, Any], key: str, path: str, required: bool = False) -> Any:
    if key not in obj:
        if required:
            raise InstrumentError(_join(path, key), "missing")
        return _MISSING
    return obj[key]


def _text(obj: Mapping[str, Any], key: str, path: str, required: bool = False, max_length: int | None = None) -> str:
    value = _get(obj, key, path, required)
    where = _join(path, key)
    if value is _MISSING:
        return ""
    if not isinstance(value, str):
        raise InstrumentError(where, "must be a string")
    _no_nul(value, where)
    if required and not value.strip():
        raise InstrumentError(where, "must not be empty")
    if max_length is not None and len(value) > max_length:
        raise InstrumentError(where, f"must be at most {max_length} characters")
    return value


def _no_nul(value: str, where: str) -> None:
    # The database cannot store the NUL character ("\u0000"), and no text needs it.
    if "\x00" in value:
        raise InstrumentError(where, "must not contain the NUL character (\\u0000)")


def _key(obj: Mapping[str, Any], key: str, path: str) -> str:
    value = _get(obj, key, path, required=True)
    where = _join(path, key)
    if not isinstance(value, str):
        raise InstrumentError(where, "must be a string")
    if not KEY_PATTERN.fullmatch(value):
        raise InstrumentError(
            where,
            f"{json.dumps(value)} is not a valid key: use letters, digits, hyphens and underscores,"
            " starting with a letter or digit",
        )
    if len(value) > MAX_KEY_LENGTH:
        raise InstrumentError(where, f"must be at most {MAX_KEY_LENGTH} characters")
    return value


def _integer(value: object, where: str) -> int:
    # bool is an int in Python but true/false are not numbers in JSON.
    if isinstance(value, bool) or not isinstance(value, int):
        raise InstrumentError(where, "must be a whole number")
    return value


def _boolean(obj: Mapping[str, Any], key: str, path: str) -> bool:
    value = _get(obj, key, path)
    if value is _MISSING:
        return False
    if not isinstance(value, bool):
        raise InstrumentError(_join(path, key), "must be true or false")
    return value


def _scale(value: object, path: str) -> Scale:
    obj = _object(value, path, SCALE_KEYS)
    low = _integer(_get(obj, "min", path, required=True), f"{path}.min")
    high = _integer(_get(obj, "max", path, required=True), f"{path}.max")
    for name, value in (("min", low), ("max", high)):
        if abs(value) > MAX_SCALE_VALUE:
            raise InstrumentError(f"{path}.{name}", f"must be from -{MAX_SCALE_VALUE} to {MAX_SCALE_VALUE}")
    if low >= high:
        raise InstrumentError(path, "min must be less than max")
    if high - low + 1 > MAX_SCALE_POINTS:
        raise InstrumentError(path, f"at most {MAX_SCALE_POINTS} points from min to max")
    raw_labels = _get(obj, "labels", path)
    labels: dict[str, str] = {}
    if raw_labels is not _MISSING:
        if not isinstance(raw_labels, dict):
            raise InstrumentError(f"{path}.labels", "must be a JSON object")
        for point, label in raw_labels.items():
            where = f"{path}.labels.{point}"
            if not re.fullmatch(r"-?[0-9]{1,4}", point) or str(int(point)) != point:
                raise InstrumentError(where, 'label keys must be whole numbers on the scale, such as "1"')
            if not low <= int(point) <= high:
                raise InstrumentError(where, f"{point} is not on the scale ({low} to {high})")
            if not isinstance(label, str) or not label.strip():
                raise InstrumentError(where, "must be a non-empty string")
            _no_nul(label, where)
            labels[point] = label
    return Scale(min=low, max=high, labels=labels, allow_na=_boolean(obj, "allow_na", path))


def _threshold(value: object, where: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise InstrumentError(where, "must be a number or null")
    if isinstance(value, float):
        # Parsed by a caller without parse_float=Decimal: repr() is the shortest form, "3.95".
        value = Decimal(repr(value))
    number = Decimal(value)
    if not number.is_finite():
        raise InstrumentError(where, "must be a finite number")
    if Decimal(repr(float(number))) != number:
        raise InstrumentError(where, "has too many digits")  # would not survive export
    return number


def _bands(value: object, path: str, scale: Scale | None) -> tuple[Band, ...]:
    if not isinstance(value, list):
        raise InstrumentError(path, "must be a list")
    if not value:
        raise InstrumentError(path, "must list at least one band")
    bands: list[Band] = []
    seen: dict[str, str] = {}
    for index, raw in enumerate(value):
        where = f"{path}[{index}]"
        obj = _object(raw, where, BAND_KEYS)
        key = _key(obj, "key", where)
        if key in seen:
            raise InstrumentError(f"{where}.key", f"duplicate band key {json.dumps(key)} (also {seen[key]})")
        seen[key] = where
        label = _text(obj, "label", where, required=True, max_length=MAX_TITLE_LENGTH)
        raw_min = _get(obj, "min", where, required=True)
        last = index == len(value) - 1
        if raw_min is None:
            if not last:
                raise InstrumentError(f"{where}.min", 'only the last band may have "min": null')
            minimum = None
        else:
            if last:
                raise InstrumentError(path, 'the last band must have "min": null')
            minimum = _threshold(raw_min, f"{where}.min")
            if scale is not None and not scale.min < minimum <= scale.max:
                # At the scale minimum the bands below could never be reached; above the maximum
                # this band could never be reached.
                raise InstrumentError(
                    f"{where}.min",
                    f"must be above the scale minimum ({scale.min}) and at most its maximum ({scale.max})",
                )
            if bands and minimum >= bands[-1].min:
                raise InstrumentError(f"{where}.min", f"must be lower than the band above ({bands[-1].min})")
        bands.append(Band(key=key, label=label, min=minimum))
    return tuple(bands)


def _string_list(obj: Mapping[str, Any], key: str, path: str) -> tuple[str, ...]:
    value = _get(obj, key, path)
    where = _join(path, key)
    if value is _MISSING:
        return ()
    if not isinstance(value, list):
        raise InstrumentError(where, "must be a list")
    for index, entry in enumerate(value):
        if not isinstance(entry, str) or not entry.strip():
            raise InstrumentError(f"{where}[{index}]", "must be a non-empty string")
        _no_nul(entry, f"{where}[{index}]")
        if entry in value[:index]:
            raise InstrumentError(f"{where}[{index}]", f"{json.dumps(entry)} is listed twice")
    return tuple(value)


def _guidance(obj: Mapping[str, Any], path: str, bands: tuple[Band, ...]) -> dict[str, str]:
    value = _get(obj, "guidance", path)
    where = _join(path, "guidance")
    if value is _MISSING:
        return {}
    if not isinstance(value, dict):
        raise InstrumentError(where, "must be a JSON object")
    band_keys = [band.key for band in bands]
    for band_key, text in value.items():
        if band_key not in band_keys:
            raise InstrumentError(f"{where}.{band_key}", f"not a band of this instrument ({', '.join(band_keys)})")
        if not isinstance(text, str) or not text.strip():
            raise InstrumentError(f"{where}.{band_key}", "must be a non-empty string")
        _no_nul(text, f"{where}.{band_key}")
    return dict(value)


def _dimension(value: object, path: str, kind: str, bands: tuple[Band, ...], item_paths: dict[str, str]) -> Dimension:
    obj = _object(value, path, DIMENSION_KEYS)
    key = _key(obj, "key", path)
    if key == OVERALL:
        raise InstrumentError(f"{path}.key", f'"{OVERALL}" is reserved for the overall score')
    title = _text(obj, "title", path, required=True, max_length=MAX_TITLE_LENGTH)
    description = _text(obj, "description", path)
    topics = _string_list(obj, "topics", path)
    guidance = _guidance(obj, path, bands)
    if kind == SURVEY:
        if "levels" in obj:
            raise InstrumentError(f"{path}.levels", "only a matrix dimension has levels; a survey dimension has items")
        items = _items(_get(obj, "items", path, required=True), f"{path}.items", item_paths)
        levels: tuple[Level, ...] = ()
    else:
        if "items" in obj:
            raise InstrumentError(f"{path}.items", "only a survey dimension has items; a matrix dimension has levels")
        levels = _levels(_get(obj, "levels", path, required=True), f"{path}.levels")
        items = ()
    return Dimension(
        key=key, title=title, description=description, topics=topics, guidance=guidance, items=items, levels=levels
    )


def _items(value: object, path: str, item_paths: dict[str, str]) -> tuple[Item, ...]:
    if not isinstance(value, list):
        raise InstrumentError(path, "must be a list")
    if not value:
        raise InstrumentError(path, "must list at least one statement")
    items = []
    for index, raw in enumerate(value):
        where = f"{path}[{index}]"
        obj = _object(raw, where, ITEM_KEYS)
        key = _key(obj, "key", where)
        if key in RESERVED_ITEM_KEYS:
            raise InstrumentError(f"{where}.key", f"{json.dumps(key)} is reserved for the responses CSV")
        if key in item_paths:
            # Item keys name CSV columns and stored answers, so they are unique across the instrument.
            raise InstrumentError(f"{where}.key", f"duplicate item key {json.dumps(key)} (also {item_paths[key]})")
        item_paths[key] = where
        text = _text(obj, "text", where, required=True)
        items.append(Item(key=key, text=text, reverse=_boolean(obj, "reverse", where)))
    return tuple(items)


def _levels(value: object, path: str) -> tuple[Level, ...]:
    if not isinstance(value, list):
        raise InstrumentError(path, "must be a list")
    if not 2 <= len(value) <= MAX_LEVELS:
        raise InstrumentError(path, f"must list from 2 to {MAX_LEVELS} levels")
    levels = []
    for index, raw in enumerate(value):
        where = f"{path}[{index}]"
        obj = _object(raw, where, LEVEL_KEYS)
        number = _integer(_get(obj, "level", where, required=True), f"{where}.level")
        if number != index + 1:
            raise InstrumentError(f"{where}.level", f"must be {index + 1}: levels are numbered 1, 2, 3… in order")
        descriptor = _text(obj, "descriptor", where, required=True)
        levels.append(Level(level=number, descriptor=descriptor))
    return tuple(levels)


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


def _threshold_json(value: Decimal | None) -> int | float | None:
    # Written as it was read: 4 stays 4 and 4.0 stays 4.0 (json writes floats by shortest repr).
    if value is None:
        return None
    if value.as_tuple().exponent >= 0:
        return int(value)
    return float(value)


def instrument_to_dict(instrument: Instrument) -> dict[str, Any]:
    """The canonical JSON structure of an instrument: every key, in the format's order."""
    data: dict[str, Any] = {
        "slug": instrument.slug,
        "title": instrument.title,
        "kind": instrument.kind,
        "description": instrument.description,
    }
    if instrument.scale is not None:
        data["scale"] = {
            "min": instrument.scale.min,
            "max": instrument.scale.max,
            "labels": dict(instrument.scale.labels),
            "allow_na": instrument.scale.allow_na,
        }
    data["bands"] = [
        {"key": band.key, "label": band.label, "min": _threshold_json(band.min)} for band in instrument.bands
    ]
    data["min_responses"] = instrument.min_responses
    data["dimensions"] = [_dimension_to_dict(dimension, instrument.kind) for dimension in instrument.dimensions]
    return data


def _dimension_to_dict(dimension: Dimension, kind: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "key": dimension.key,
        "title": dimension.title,
        "description": dimension.description,
        "topics": list(dimension.topics),
        "guidance": dict(dimension.guidance),
    }
    if kind == MATRIX:
        data["levels"] = [{"level": level.level, "descriptor": level.descriptor} for level in dimension.levels]
    else:
        data["items"] = [{"key": item.key, "text": item.text, "reverse": item.reverse} for item in dimension.items]
    return data


def dumps_instrument(instrument: Instrument) -> str:
    """Instrument JSON text: 2-space indent, UTF-8 characters kept, ending with a newline."""
    return json.dumps(instrument_to_dict(instrument), indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------------------------
# What changed between two versions (for import_instrument's report)
# --------------------------------------------------------------------------------------------


def describe_changes(old: Instrument, new: Instrument) -> list[str]:
    """Plain-English lines saying how ``new`` differs from ``old``; empty when nothing changed.

    Dimensions, statements and levels are matched by key (levels by number), so a reworded
    statement reads as "reworded", not as one removed and another added.
    """
    changes: list[str] = []
    for name in ("title", "kind", "description", "scale", "bands", "min_responses"):
        if getattr(old, name) != getattr(new, name):
            changes.append(f"{name.replace('_', ' ')} changed")
    old_dimensions = {dimension.key: dimension for dimension in old.dimensions}
    new_dimensions = {dimension.key: dimension for dimension in new.dimensions}
    changes += [f"dimension {key} added" for key in new_dimensions if key not in old_dimensions]
    changes += [f"dimension {key} removed" for key in old_dimensions if key not in new_dimensions]
    common = [key for key in new_dimensions if key in old_dimensions]
    if [key for key in old_dimensions if key in new_dimensions] != common:
        changes.append("dimensions reordered")
    for key in common:
        before, after = old_dimensions[key], new_dimensions[key]
        for name in ("title", "description", "topics", "guidance"):
            if getattr(before, name) != getattr(after, name):
                changes.append(f"dimension {key}: {name} changed")
        old_items = {item.key: item for item in before.items}
        new_items = {item.key: item for item in after.items}
        changes += [f"dimension {key}: statement {item} added" for item in new_items if item not in old_items]
        changes += [f"dimension {key}: statement {item} removed" for item in old_items if item not in new_items]
        for item_key, item in new_items.items():
            if item_key in old_items:
                if old_items[item_key].text != item.text:
                    changes.append(f"dimension {key}: statement {item_key} reworded")
                if old_items[item_key].reverse != item.reverse:
                    scored = "reverse-scored" if item.reverse else "scored forwards"
                    changes.append(f"dimension {key}: statement {item_key} now {scored}")
        if [item.key for item in before.items if item.key in new_items] != [
            item.key for item in after.items if item.key in old_items
        ]:
            changes.append(f"dimension {key}: statements reordered")
        if before.levels != after.levels:
            changes.append(f"dimension {key}: levels changed")
    return changes
