"""An instrument as Wagtail blocks, so editors change it in a structured form (PRODUCT.md 6).

The admin's instrument form edits one StructBlock (:func:`instrument_block`) with Wagtail's own
block UI: nested, reorderable lists of dimensions, statements, levels, bands and guidance. The
block value is converted to Instrument JSON (:func:`definition_from_value`) and validated by the
same parser as ``import_instrument`` (``instrument_format.parse_instrument``), so the form,
the command and the JSON import accept exactly the same instruments. A parser error names the
JSON path of the first problem; :func:`block_error` turns that path into Wagtail's nested block
errors, so the message appears beside the field it is about.

Block names are the JSON keys, except where JSON uses an object keyed by something the editor
types (scale labels by point, guidance by band), which the form shows as a list of pairs.
"""

from __future__ import annotations

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from .instrument_format import InstrumentError
from .scoring import DEFAULT_BANDS, DEFAULT_MIN_RESPONSES, MATRIX, SURVEY, Instrument

KEY_HELP = "Letters, digits, hyphens and underscores. Used in CSV files and stored answers: change it only with care."


class ScaleLabelBlock(blocks.StructBlock):
    point = blocks.IntegerBlock(label="Point on the scale")
    label = blocks.CharBlock(label="Label", help_text="What answering this point means, such as “Agree”.")

    class Meta:
        label = "Label"
        icon = "tag"


class ScaleBlock(blocks.StructBlock):
    min = blocks.IntegerBlock(label="Lowest answer")
    max = blocks.IntegerBlock(label="Highest answer")
    labels = blocks.ListBlock(ScaleLabelBlock(), label="Labels", collapsed=True)
    allow_na = blocks.BooleanBlock(required=False, label="Offer “Don't know / not applicable”")

    class Meta:
        label = "Answer scale"
        icon = "list-ol"


class BandBlock(blocks.StructBlock):
    key = blocks.CharBlock(label="Key", help_text=KEY_HELP)
    label = blocks.CharBlock(label="Label")
    min = blocks.DecimalBlock(
        required=False,
        label="Lowest score in this band",
        help_text="List bands highest first. Leave empty for the last band, which takes every lower score.",
    )

    class Meta:
        label = "Band"
        icon = "pick"


class GuidanceBlock(blocks.StructBlock):
    band = blocks.CharBlock(label="Band key", help_text="The key of one of the instrument's bands, such as “priority”.")
    text = blocks.TextBlock(label="Guidance", help_text="Shown on results where the dimension falls in this band.")

    class Meta:
        label = "Guidance"
        icon = "help"


class StatementBlock(blocks.StructBlock):
    key = blocks.CharBlock(label="Key", help_text=KEY_HELP + " Unique across the instrument.")
    text = blocks.TextBlock(label="Statement")
    reverse = blocks.BooleanBlock(
        required=False, label="Reverse-scored", help_text="Agreeing with this statement means the network is weaker."
    )

    class Meta:
        label = "Statement"
        icon = "comment"


class DimensionBlock(blocks.StructBlock):
    key = blocks.CharBlock(label="Key", help_text=KEY_HELP)
    title = blocks.CharBlock(label="Title")
    description = blocks.TextBlock(required=False, label="Description")
    topics = blocks.ListBlock(
        blocks.CharBlock(label="Topic"),
        label="Topics",
        help_text="Topic tags: results suggest resources and case studies with these tags.",
        collapsed=True,
    )
    guidance = blocks.ListBlock(GuidanceBlock(), label="Guidance by band", collapsed=True)

    class Meta:
        label = "Dimension"
        icon = "folder-open-inverse"


class SurveyDimensionBlock(DimensionBlock):
    items = blocks.ListBlock(StatementBlock(), label="Statements")


class MatrixDimensionBlock(DimensionBlock):
    levels = blocks.ListBlock(
        blocks.TextBlock(label="Descriptor"),
        label="Levels",
        help_text="From level 1 (lowest) upwards: what the network looks like at each level.",
    )


def instrument_block(kind: str) -> blocks.StructBlock:
    """The block for a whole instrument of this kind (slug and kind are not editable here)."""
    children = [
        ("title", blocks.CharBlock(label="Title")),
        ("description", blocks.TextBlock(required=False, label="Description")),
    ]
    if kind == SURVEY:
        children.append(("scale", ScaleBlock()))
    dimension = SurveyDimensionBlock() if kind == SURVEY else MatrixDimensionBlock()
    children += [
        ("bands", blocks.ListBlock(BandBlock(), label="Bands", collapsed=True)),
        ("min_responses", blocks.IntegerBlock(label="Minimum responses", help_text="Before a round shows figures.")),
        ("dimensions", blocks.ListBlock(dimension, label="Dimensions", collapsed=True)),
    ]
    return blocks.StructBlock(children, label="Instrument")


def _threshold(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def value_from_instrument(instrument: Instrument) -> dict:
    """The block's raw value for an instrument (pass it to ``block.to_python``)."""
    value = {
        "title": instrument.title,
        "description": instrument.description,
        "bands": [{"key": band.key, "label": band.label, "min": _threshold(band.min)} for band in instrument.bands],
        "min_responses": instrument.min_responses,
        "dimensions": [],
    }
    if instrument.kind == SURVEY and instrument.scale is not None:
        scale = instrument.scale
        value["scale"] = {
            "min": scale.min,
            "max": scale.max,
            "labels": [{"point": int(point), "label": label} for point, label in scale.labels.items()],
            "allow_na": scale.allow_na,
        }
    for dimension in instrument.dimensions:
        entry = {
            "key": dimension.key,
            "title": dimension.title,
            "description": dimension.description,
            "topics": list(dimension.topics),
            "guidance": [{"band": band, "text": text} for band, text in dimension.guidance.items()],
        }
        if instrument.kind == SURVEY:
            entry["items"] = [{"key": i.key, "text": i.text, "reverse": i.reverse} for i in dimension.items]
        else:
            entry["levels"] = [level.descriptor for level in dimension.levels]
        value["dimensions"].append(entry)
    return value


def new_instrument_value(kind: str) -> dict:
    """A new instrument's starting point: the usual scale, bands and minimum, no dimensions."""
    value = {
        "title": "",
        "description": "",
        "bands": [{"key": b.key, "label": b.label, "min": _threshold(b.min)} for b in DEFAULT_BANDS],
        "min_responses": DEFAULT_MIN_RESPONSES,
        "dimensions": [],
    }
    if kind == SURVEY:
        labels = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]
        value["scale"] = {
            "min": 1,
            "max": 5,
            "labels": [{"point": n, "label": label} for n, label in enumerate(labels, start=1)],
            "allow_na": True,
        }
    return value


def _keyed(entries, key_name: str, value_name: str, path: str) -> dict:
    """A list of pairs as a JSON object; a key given twice is refused (JSON would keep one)."""
    result = {}
    for entry in entries:
        key = entry[key_name]
        if key in result:
            raise InstrumentError(f"{path}.{key}", f"{key} is given twice")
        result[key] = entry[value_name]
    return result


def _lines(text: str) -> str:
    # Browsers send a text area's new lines as CRLF; stored text keeps "\n", so an unchanged
    # form makes no new version.
    return text.replace("\r\n", "\n")


def definition_from_value(value, *, slug: str, kind: str, matrix_scale=None) -> dict:
    """Instrument JSON (decoded) from the block's cleaned value, for ``parse_instrument``.

    A matrix has no scale in the form; ``matrix_scale`` keeps one an imported matrix had.
    """
    data = {"slug": slug, "title": value["title"], "kind": kind, "description": _lines(value["description"])}
    if kind == SURVEY:
        scale = value["scale"]
        labels = _keyed(
            [{"point": str(label["point"]), "label": label["label"]} for label in scale["labels"]],
            "point",
            "label",
            "scale.labels",
        )
        data["scale"] = {"min": scale["min"], "max": scale["max"], "labels": labels, "allow_na": scale["allow_na"]}
    elif matrix_scale is not None:
        data["scale"] = matrix_scale
    data["bands"] = [{"key": band["key"], "label": band["label"], "min": band["min"]} for band in value["bands"]]
    data["min_responses"] = value["min_responses"]
    data["dimensions"] = []
    for index, dimension in enumerate(value["dimensions"]):
        entry = {
            "key": dimension["key"],
            "title": dimension["title"],
            "description": _lines(dimension["description"]),
            "topics": list(dimension["topics"]),
            "guidance": {
                band: _lines(text)
                for band, text in _keyed(dimension["guidance"], "band", "text", f"dimensions[{index}].guidance").items()
            },
        }
        if kind == MATRIX:
            entry["levels"] = [
                {"level": n, "descriptor": _lines(text)} for n, text in enumerate(dimension["levels"], 1)
            ]
        else:
            entry["items"] = [
                {"key": item["key"], "text": _lines(item["text"]), "reverse": item["reverse"]}
                for item in dimension["items"]
            ]
        data["dimensions"].append(entry)
    return data


# --------------------------------------------------------------------------------------------
# From a parser error's JSON path to the field it is about
# --------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"\[(\d+)\]|\.?([^.\[]+)")


def _tokens(path: str) -> list[str | int]:
    return [int(index) if index else name for index, name in _TOKEN.findall(path)]


def _block_path(tokens: list, value) -> list:
    """JSON path tokens as block path tokens: a label's point and a guidance band become the
    index of the pair in the form's list (the last one, for a key given twice)."""
    result, node = [], value
    for position, token in enumerate(tokens):
        parent = tokens[position - 1] if position else None
        if parent in ("labels", "guidance") and isinstance(token, str) and node is not None:
            field = "point" if parent == "labels" else "band"
            matches = [i for i, entry in enumerate(node) if str(entry[field]) == token]
            if not matches:
                return result
            token = matches[-1]
        if position >= 2 and tokens[position - 2] == "levels" and token in ("level", "descriptor"):
            continue  # a level is a descriptor in the form; its number is its place
        result.append(token)
        try:
            node = node[token]
        except (KeyError, IndexError, TypeError):
            node = None
    return result


def _nested(block, tokens: list, message: str) -> ValidationError:
    if tokens and isinstance(block, blocks.StructBlock) and tokens[0] in block.child_blocks:
        name = tokens[0]
        return StructBlockValidationError(block_errors={name: _nested(block.child_blocks[name], tokens[1:], message)})
    if tokens and isinstance(block, blocks.ListBlock) and isinstance(tokens[0], int):
        return ListBlockValidationError(block_errors={tokens[0]: _nested(block.child_block, tokens[1:], message)})
    if isinstance(block, blocks.StructBlock):
        return StructBlockValidationError(non_block_errors=[message])
    if isinstance(block, blocks.ListBlock):
        return ListBlockValidationError(non_block_errors=[message])
    return ValidationError(message)


def block_error(block, error: InstrumentError, value) -> ValidationError:
    """Wagtail's nested block error for a parser error, placed at the field it names."""
    return _nested(block, _block_path(_tokens(error.path), value), describe_problem(error.problem))


_NAMES = {"items": "statement", "levels": "level", "bands": "band", "dimensions": "dimension", "labels": "label"}


def describe_path(path: str) -> str:
    """A parser path in words: "dimensions[2].items[0].key" is "Dimension 3, statement 1, key"."""
    words, previous = [], None
    for token in _tokens(path):
        if isinstance(token, int):
            words[-1] = f"{_NAMES.get(previous, previous)} {token + 1}"
        else:
            words.append(token.replace("_", " "))
        previous = token
    text = ", ".join(words)
    return text[:1].upper() + text[1:]


# A path inside a message, such as the "(also dimensions[0].items[0])" of a duplicate key.
_PATH_IN_TEXT = re.compile(r"\b(?:dimensions|bands)\[\d+\](?:\.\w+(?:\[\d+\])?)*")


def describe_problem(problem: str) -> str:
    """A parser problem with any path in it in words: "(also dimension 1, statement 1)"."""
    return _PATH_IN_TEXT.sub(lambda match: describe_path(match.group()).lower(), problem)
