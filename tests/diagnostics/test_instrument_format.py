"""The Instrument JSON of PRODUCT.md section 6.4: loading, refusing invalid files, exporting."""

import copy
import json
from decimal import Decimal

import pytest

from diagnostics.factories import MatrixJSONFactory, SurveyJSONFactory
from diagnostics.instrument_format import (
    InstrumentError,
    describe_changes,
    dumps_instrument,
    instrument_to_dict,
    load_instrument_file,
    loads_instrument,
    parse_instrument,
    shipped_instrument_paths,
)
from diagnostics.scoring import DEFAULT_BANDS, Band, Item, Scale


def _number(value):
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(value)


def text(data: dict) -> str:
    """JSON text of a test instrument (Decimal thresholds written as plain numbers)."""
    return json.dumps(data, default=_number)


# --- Valid files -------------------------------------------------------------------------------


def test_a_complete_survey_loads():
    instrument = parse_instrument(SurveyJSONFactory())
    assert instrument.slug == "test-survey"
    assert instrument.kind == "survey"
    assert instrument.scale == Scale(1, 5, {"1": "Strongly disagree", "5": "Strongly agree"}, True)
    assert [band.key for band in instrument.bands] == ["strength", "developing", "priority"]
    assert instrument.bands[0].min == Decimal("4.0")
    assert instrument.bands[2].min is None
    assert instrument.min_responses == 3
    assert [dimension.key for dimension in instrument.dimensions] == ["a", "b", "c"]
    assert instrument.dimensions[0].items == (
        Item("a1", "First statement of a.", False),
        Item("a2", "Second statement of a.", True),
    )
    assert instrument.dimensions[0].topics == ("network leadership",)
    assert instrument.dimensions[0].guidance == {"developing": "Try this.", "priority": "Start here."}


def test_a_complete_matrix_loads_without_a_scale():
    instrument = parse_instrument(MatrixJSONFactory())
    assert instrument.kind == "matrix"
    assert instrument.scale is None
    assert [level.level for level in instrument.dimensions[0].levels] == [1, 2, 3, 4]


def test_json_text_loads_and_thresholds_stay_exact():
    data = SurveyJSONFactory()
    data["bands"][0]["min"] = Decimal("3.95")
    instrument = loads_instrument(text(data))
    assert instrument.bands[0].min == Decimal("3.95")
    assert loads_instrument(text(data).encode("utf-8-sig")).bands[0].min == Decimal("3.95")


def test_dicts_from_plain_json_load_with_float_thresholds_made_exact():
    instrument = parse_instrument(json.loads(text(SurveyJSONFactory()).replace("4.0", "3.95")))
    assert instrument.bands[0].min == Decimal("3.95")


def test_optional_keys_take_the_product_defaults():
    instrument = parse_instrument(
        {
            "slug": "minimal",
            "title": "Minimal",
            "kind": "survey",
            "scale": {"min": 1, "max": 5},
            "dimensions": [{"key": "d", "title": "D", "items": [{"key": "q1", "text": "A statement."}]}],
        }
    )
    assert instrument.description == ""
    assert instrument.scale == Scale(1, 5, {}, False)
    assert instrument.bands == DEFAULT_BANDS
    assert instrument.min_responses == 3
    assert instrument.dimensions[0].topics == ()
    assert instrument.dimensions[0].guidance == {}
    assert instrument.dimensions[0].items[0].reverse is False
    # and the export writes the defaults out in full
    exported = instrument_to_dict(instrument)
    assert list(exported) == ["slug", "title", "kind", "description", "scale", "bands", "min_responses", "dimensions"]
    assert exported["bands"][0] == {"key": "strength", "label": "Strength", "min": 4.0}
    assert exported["dimensions"][0]["items"][0] == {"key": "q1", "text": "A statement.", "reverse": False}


def test_custom_bands_and_scale():
    data = SurveyJSONFactory()
    data["scale"] = {"min": 0, "max": 10, "labels": {"0": "Not at all", "10": "Completely"}, "allow_na": False}
    data["bands"] = [
        {"key": "high", "label": "High", "min": 7},
        {"key": "middle", "label": "Middle", "min": Decimal("4.5")},
        {"key": "low", "label": "Low", "min": None},
    ]
    for dimension in data["dimensions"]:
        dimension["guidance"] = {"low": "Do this first."}
    instrument = parse_instrument(data)
    assert instrument.bands == (
        Band("high", "High", Decimal(7)),
        Band("middle", "Middle", Decimal("4.5")),
        Band("low", "Low", None),
    )
    # 7 stays a whole number and 4.5 a decimal in the export
    assert instrument_to_dict(instrument)["bands"][0]["min"] == 7
    assert '"min": 7\n' in dumps_instrument(instrument)
    assert '"min": 4.5\n' in dumps_instrument(instrument)


# --- Round trip -----------------------------------------------------------------------------------


def test_three_instruments_are_shipped():
    assert [path.name for path in shipped_instrument_paths()] == [
        "network-health-check.json",
        "network-health-scorecard.json",
        "network-maturity-matrix.json",
    ]


@pytest.mark.parametrize("path", shipped_instrument_paths(), ids=lambda path: path.stem)
def test_shipped_files_load_and_export_exactly_as_written(path):
    source = path.read_text(encoding="utf-8")
    instrument = load_instrument_file(path)
    assert instrument.slug == path.stem
    assert instrument_to_dict(instrument) == json.loads(source)
    assert dumps_instrument(instrument) == source  # same keys, same order, same text


@pytest.mark.parametrize("build", [SurveyJSONFactory, MatrixJSONFactory])
def test_export_of_parse_is_the_same_structure(build):
    data = json.loads(text(build()))
    exported = instrument_to_dict(parse_instrument(data))
    assert exported == data
    assert json.dumps(exported) == json.dumps(data)  # key order too
    assert parse_instrument(json.loads(dumps_instrument(parse_instrument(data)))) == parse_instrument(data)


def test_a_matrix_given_a_scale_keeps_it():
    data = MatrixJSONFactory()
    data = {
        **{key: data[key] for key in ("slug", "title", "kind", "description")},
        "scale": {"min": 1, "max": 4, "labels": {}, "allow_na": False},
        **{key: data[key] for key in ("bands", "min_responses", "dimensions")},
    }
    exported = instrument_to_dict(parse_instrument(data))
    assert exported == data
    assert list(exported) == list(data)


# --- Refusals, each naming the first problem -------------------------------------------------


def survey_with(change):
    data = SurveyJSONFactory()
    change(data)
    return data


def matrix_with(change):
    data = MatrixJSONFactory()
    change(data)
    return data


def delete(path):
    def change(data):
        *parents, last = path
        target = data
        for part in parents:
            target = target[part]
        del target[last]

    return change


def put(path, value):
    def change(data):
        *parents, last = path
        target = data
        for part in parents:
            target = target[part]
        target[last] = value

    return change


INVALID = [
    # (instrument, message)
    ([], "the instrument must be a JSON object"),
    (survey_with(put(["colour"], "blue")), "colour: unknown key"),
    (survey_with(delete(["slug"])), "slug: missing"),
    (survey_with(put(["slug"], 7)), "slug: must be a string"),
    (
        survey_with(put(["slug"], "Health check!")),
        'slug: "Health check!" is not a valid key: use letters, digits, hyphens and underscores, '
        "starting with a letter or digit",
    ),
    (survey_with(put(["slug"], "x" * 51)), "slug: must be at most 50 characters"),
    (survey_with(delete(["title"])), "title: missing"),
    (survey_with(put(["title"], "  ")), "title: must not be empty"),
    (survey_with(delete(["kind"])), "kind: missing"),
    (survey_with(put(["kind"], "quiz")), 'kind: must be "survey" or "matrix", not "quiz"'),
    (survey_with(put(["description"], None)), "description: must be a string"),
    (survey_with(delete(["scale"])), "scale: missing"),
    (survey_with(put(["scale"], [1, 5])), "scale: must be a JSON object"),
    (survey_with(put(["scale", "steps"], 5)), "scale.steps: unknown key"),
    (survey_with(delete(["scale", "min"])), "scale.min: missing"),
    (survey_with(put(["scale", "min"], "1")), "scale.min: must be a whole number"),
    (survey_with(put(["scale", "min"], Decimal("1.5"))), "scale.min: must be a whole number"),
    (survey_with(put(["scale", "max"], True)), "scale.max: must be a whole number"),
    (survey_with(put(["scale", "min"], 5)), "scale: min must be less than max"),
    (survey_with(put(["scale", "min"], 6)), "scale: min must be less than max"),
    (survey_with(put(["scale", "max"], 30)), "scale: at most 21 points from min to max"),
    (survey_with(put(["scale", "labels"], ["a"])), "scale.labels: must be a JSON object"),
    (survey_with(put(["scale", "labels", "6"], "Off the scale")), "scale.labels.6: 6 is not on the scale (1 to 5)"),
    (
        survey_with(put(["scale", "labels", "one"], "One")),
        'scale.labels.one: label keys must be whole numbers on the scale, such as "1"',
    ),
    (survey_with(put(["scale", "labels", "3"], "")), "scale.labels.3: must be a non-empty string"),
    (survey_with(put(["scale", "allow_na"], "yes")), "scale.allow_na: must be true or false"),
    (survey_with(put(["bands"], {})), "bands: must be a list"),
    (survey_with(put(["bands"], [])), "bands: must list at least one band"),
    (survey_with(put(["bands", 2, "min"], Decimal("1.5"))), 'bands: the last band must have "min": null'),
    (survey_with(put(["bands", 0, "min"], None)), 'bands[0].min: only the last band may have "min": null'),
    (survey_with(delete(["bands", 1, "min"])), "bands[1].min: missing"),
    (survey_with(put(["bands", 1, "min"], "3")), "bands[1].min: must be a number or null"),
    (survey_with(put(["bands", 1, "min"], Decimal("4.0"))), "bands[1].min: must be lower than the band above (4.0)"),
    (survey_with(put(["bands", 1, "min"], Decimal("4.5"))), "bands[1].min: must be lower than the band above (4.0)"),
    (
        survey_with(put(["bands", 0, "min"], Decimal("5.5"))),
        "bands[0].min: must be above the scale minimum (1) and at most its maximum (5)",
    ),
    (
        survey_with(put(["bands", 1, "min"], 1)),
        "bands[1].min: must be above the scale minimum (1) and at most its maximum (5)",
    ),
    (survey_with(put(["bands", 1, "key"], "strength")), 'bands[1].key: duplicate band key "strength" (also bands[0])'),
    (survey_with(delete(["bands", 1, "label"])), "bands[1].label: missing"),
    (survey_with(put(["bands", 1, "colour"], "red")), "bands[1].colour: unknown key"),
    (survey_with(put(["min_responses"], 0)), "min_responses: must be at least 1"),
    (survey_with(put(["min_responses"], "3")), "min_responses: must be a whole number"),
    (survey_with(delete(["dimensions"])), "dimensions: missing"),
    (survey_with(put(["dimensions"], {})), "dimensions: must be a list"),
    (survey_with(put(["dimensions"], [])), "dimensions: must list at least one dimension"),
    (survey_with(put(["dimensions", 1], "b")), "dimensions[1]: must be a JSON object"),
    (survey_with(delete(["dimensions", 2, "items", 0, "key"])), "dimensions[2].items[0].key: missing"),
    (survey_with(delete(["dimensions", 0, "key"])), "dimensions[0].key: missing"),
    (
        survey_with(put(["dimensions", 0, "key"], "overall")),
        'dimensions[0].key: "overall" is reserved for the overall score',
    ),
    (
        survey_with(put(["dimensions", 2, "key"], "a")),
        'dimensions[2].key: duplicate dimension key "a" (also dimensions[0])',
    ),
    (survey_with(delete(["dimensions", 1, "title"])), "dimensions[1].title: missing"),
    (survey_with(put(["dimensions", 0, "topics"], "governance")), "dimensions[0].topics: must be a list"),
    (
        survey_with(put(["dimensions", 0, "topics"], ["governance", "governance"])),
        'dimensions[0].topics[1]: "governance" is listed twice',
    ),
    (survey_with(put(["dimensions", 0, "topics"], [""])), "dimensions[0].topics[0]: must be a non-empty string"),
    (
        survey_with(put(["dimensions", 0, "guidance", "urgent"], "Act now.")),
        "dimensions[0].guidance.urgent: not a band of this instrument (strength, developing, priority)",
    ),
    (
        survey_with(put(["dimensions", 0, "guidance", "priority"], "")),
        "dimensions[0].guidance.priority: must be a non-empty string",
    ),
    (survey_with(delete(["dimensions", 1, "items"])), "dimensions[1].items: missing"),
    (survey_with(put(["dimensions", 1, "items"], [])), "dimensions[1].items: must list at least one statement"),
    (
        survey_with(put(["dimensions", 1, "levels"], [])),
        "dimensions[1].levels: only a matrix dimension has levels; a survey dimension has items",
    ),
    (
        survey_with(put(["dimensions", 1, "items", 0, "key"], "a1")),
        'dimensions[1].items[0].key: duplicate item key "a1" (also dimensions[0].items[0])',
    ),
    (
        survey_with(put(["dimensions", 0, "items", 1, "key"], "a1")),
        'dimensions[0].items[1].key: duplicate item key "a1" (also dimensions[0].items[0])',
    ),
    (
        survey_with(put(["dimensions", 0, "items", 0, "key"], "comment")),
        'dimensions[0].items[0].key: "comment" is reserved for the responses CSV',
    ),
    (
        survey_with(put(["dimensions", 0, "items", 0, "key"], "respondent")),
        'dimensions[0].items[0].key: "respondent" is reserved for the responses CSV',
    ),
    (
        survey_with(put(["dimensions", 0, "items", 0, "key"], "a,1")),
        'dimensions[0].items[0].key: "a,1" is not a valid key: use letters, digits, hyphens and underscores, '
        "starting with a letter or digit",
    ),
    (survey_with(put(["dimensions", 0, "items", 0, "reversed"], True)), "dimensions[0].items[0].reversed: unknown key"),
    (
        survey_with(put(["dimensions", 0, "items", 0, "reverse"], "yes")),
        "dimensions[0].items[0].reverse: must be true or false",
    ),
    (survey_with(delete(["dimensions", 0, "items", 1, "text"])), "dimensions[0].items[1].text: missing"),
    (matrix_with(delete(["dimensions", 0, "levels"])), "dimensions[0].levels: missing"),
    (
        matrix_with(put(["dimensions", 0, "items"], [])),
        "dimensions[0].items: only a survey dimension has items; a matrix dimension has levels",
    ),
    (
        matrix_with(put(["dimensions", 0, "levels"], [{"level": 1, "descriptor": "Only"}])),
        "dimensions[0].levels: must list from 2 to 10 levels",
    ),
    (
        matrix_with(put(["dimensions", 1, "levels", 1, "level"], 3)),
        "dimensions[1].levels[1].level: must be 2: levels are numbered 1, 2, 3… in order",
    ),
    (matrix_with(delete(["dimensions", 1, "levels", 2, "descriptor"])), "dimensions[1].levels[2].descriptor: missing"),
    (matrix_with(put(["scale"], {"min": 3, "max": 1})), "scale: min must be less than max"),
]


@pytest.mark.parametrize(("data", "message"), INVALID, ids=[message for _, message in INVALID])
def test_invalid_instruments_are_refused_naming_the_problem(data, message):
    with pytest.raises(InstrumentError) as refused:
        parse_instrument(copy.deepcopy(data))
    assert str(refused.value) == message


def test_the_first_problem_is_named_when_there_are_several():
    data = SurveyJSONFactory()
    del data["dimensions"][2]["items"][0]["key"]
    data["dimensions"][1]["items"][1]["reverse"] = "no"
    data["dimensions"][1]["items"][0]["key"] = "a1"
    with pytest.raises(InstrumentError, match=r"^dimensions\[1\]\.items\[0\]\.key: duplicate item key"):
        parse_instrument(data)
    data["scale"]["min"] = 9
    with pytest.raises(InstrumentError, match=r"^scale: min must be less than max$"):
        parse_instrument(data)
    del data["slug"]
    with pytest.raises(InstrumentError, match=r"^slug: missing$"):
        parse_instrument(data)


def test_error_carries_the_path_separately():
    with pytest.raises(InstrumentError) as refused:
        parse_instrument(survey_with(delete(["dimensions", 2, "items", 0, "key"])))
    assert refused.value.path == "dimensions[2].items[0].key"
    assert refused.value.problem == "missing"


def test_text_that_is_not_json_is_refused_with_its_position():
    with pytest.raises(InstrumentError, match=r"^not valid JSON: Expecting .* \(line 1, column \d+\)$"):
        loads_instrument('{"slug": "x",}')


def test_duplicate_keys_in_one_object_are_refused():
    with pytest.raises(InstrumentError, match='^the key "slug" appears twice in one object$'):
        loads_instrument('{"slug": "a", "slug": "b"}')


def test_bytes_that_are_not_utf8_are_refused():
    with pytest.raises(InstrumentError, match="^the file is not UTF-8 text"):
        loads_instrument(b'{"title": "\xff"}')


# --- What changed between versions -------------------------------------------------------------


def test_describe_changes_lists_what_an_import_would_change():
    old = parse_instrument(SurveyJSONFactory())
    data = SurveyJSONFactory()
    data["title"] = "Renamed survey"
    data["bands"][0]["min"] = Decimal("4.5")
    data["dimensions"][0]["items"][0]["text"] = "Reworded."
    data["dimensions"][0]["items"][1]["reverse"] = False
    data["dimensions"][1]["items"].append({"key": "b3", "text": "New.", "reverse": False})
    del data["dimensions"][2]
    data["dimensions"].append({"key": "d", "title": "D", "items": [{"key": "d1", "text": "D one."}]})
    assert describe_changes(old, parse_instrument(data)) == [
        "title changed",
        "bands changed",
        "dimension d added",
        "dimension c removed",
        "dimension a: statement a1 reworded",
        "dimension a: statement a2 now scored forwards",
        "dimension b: statement b3 added",
    ]


def test_describe_changes_is_empty_for_the_same_instrument():
    assert describe_changes(parse_instrument(SurveyJSONFactory()), parse_instrument(SurveyJSONFactory())) == []
    assert describe_changes(parse_instrument(MatrixJSONFactory()), parse_instrument(MatrixJSONFactory())) == []


def test_describe_changes_notices_reordering_and_levels():
    old = parse_instrument(MatrixJSONFactory())
    data = MatrixJSONFactory()
    data["dimensions"].reverse()
    data["dimensions"][0]["levels"][3]["descriptor"] = "Best"
    assert describe_changes(old, parse_instrument(data)) == ["dimensions reordered", "dimension n: levels changed"]
