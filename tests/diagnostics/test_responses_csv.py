"""The Responses CSV and the two scores CSVs of PRODUCT.md section 6.4."""

from fractions import Fraction

import pytest

from diagnostics.factories import DimensionFactory, ScaleFactory, SurveyDataFactory
from diagnostics.responses_csv import (
    ResponsesCSVError,
    aggregate_csv,
    parse_responses,
    score_responses,
    scores_csv,
)
from diagnostics.scoring import NA, aggregate, score_respondent

# a: a1, a2 (a2 reverse-scored); b: b1, b2, b3
INSTRUMENT = SurveyDataFactory(
    dimensions=(DimensionFactory(key="a", statements=2, reverse=(2,)), DimensionFactory(key="b", statements=3))
)
NO_NA = SurveyDataFactory(
    dimensions=(DimensionFactory(key="a", statements=2, reverse=(2,)), DimensionFactory(key="b", statements=3)),
    scale=ScaleFactory(allow_na=False),
)


def refusal(text, instrument=INSTRUMENT) -> str:
    with pytest.raises(ResponsesCSVError) as refused:
        parse_responses(text, instrument)
    return str(refused.value)


# --- Reading ----------------------------------------------------------------------------------


def test_reads_answers_na_missing_and_comments():
    responses = parse_responses(
        "respondent,a1,a2,b1,b2,b3,comment\nr1,4,2,NA,,5,Helpful\nr2,1,1,1,1,1,\n",
        INSTRUMENT,
    )
    assert [response.respondent for response in responses] == ["r1", "r2"]
    assert responses[0].answers == {"a1": 4, "a2": 2, "b1": NA, "b2": None, "b3": 5}
    assert responses[0].comment == "Helpful"
    assert responses[1].comment == ""
    assert [response.line for response in responses] == [2, 3]


def test_columns_may_come_in_any_order_and_leave_items_out():
    responses = parse_responses("respondent,b2,a1\nr1,3,5\n", INSTRUMENT)
    assert responses[0].answers == {"a1": 5, "a2": None, "b1": None, "b2": 3, "b3": None}
    assert responses[0].comment == ""


def test_tolerates_bom_crlf_spaces_and_blank_trailing_rows():
    data = "\ufeffrespondent , a1 ,a2\r\n r1 , 4 , NA \r\n,,\r\n\r\n".encode()
    responses = parse_responses(data, INSTRUMENT)
    assert len(responses) == 1
    assert responses[0].respondent == "r1"
    assert responses[0].answers["a1"] == 4
    assert responses[0].answers["a2"] == NA


def test_quoted_comments_may_hold_commas_and_line_breaks_and_lines_stay_right():
    text = 'respondent,a1,comment\nr1,4,"Good, on the whole\nbut slow"\nr2,9,\n'
    assert refusal(text) == "line 4, column 2 (a1): 9 is out of range: answers go from 1 to 5"
    responses = parse_responses(text.replace("r2,9", "r2,2"), INSTRUMENT)
    assert responses[0].comment == "Good, on the whole\nbut slow"
    assert [response.line for response in responses] == [2, 4]


def test_header_only_gives_no_responses():
    assert parse_responses("respondent,a1\n", INSTRUMENT) == []


def test_a_negative_scale_reads_negative_numbers():
    scale = ScaleFactory(min=-2, max=2, allow_na=False)
    instrument = SurveyDataFactory(dimensions=(DimensionFactory(key="a", statements=1),), scale=scale)
    assert parse_responses("respondent,a1\nr1,-2\n", instrument)[0].answers == {"a1": -2}


# --- Refusals name the line and the column -----------------------------------------------------

REFUSED = [
    ("", 'line 1: the header is missing: expected "respondent," then item keys'),
    ("\n\n", 'line 1: the header is missing: expected "respondent," then item keys'),
    ("id,a1\nr1,3\n", 'line 1, column 1: the first column must be "respondent", not "id"'),
    ("a1,respondent\n", 'line 1, column 1: the first column must be "respondent", not "a1"'),
    ("respondent,a1,zz\n", 'line 1, column 3: unknown item key "zz" (not in test-survey)'),
    ("respondent,a1,b1,a1\n", 'line 1, column 4: duplicate column "a1" (also column 2)'),
    ("respondent,a1,respondent\n", 'line 1, column 3: duplicate column "respondent" (also column 1)'),
    ("respondent,comment,a1\n", 'line 1, column 2: "comment" must be the last column'),
    ("respondent,a1,,b1\n", "line 1, column 3: the column has no name"),
    ("respondent\n", 'line 1: no item columns: list item keys after "respondent"'),
    ("respondent,comment\n", 'line 1: no item columns: list item keys after "respondent"'),
    ("respondent,a1,a2\nr1,4,6\n", "line 2, column 3 (a2): 6 is out of range: answers go from 1 to 5"),
    ("respondent,a1,a2\nr1,4,5\nr2,0,5\n", "line 3, column 2 (a1): 0 is out of range: answers go from 1 to 5"),
    ("respondent,a1,a2\nr1,4.5,5\n", 'line 2, column 2 (a1): "4.5" is not a whole number, "NA" or empty'),
    ("respondent,a1,a2\nr1,4,four\n", 'line 2, column 3 (a2): "four" is not a whole number, "NA" or empty'),
    ("respondent,a1,a2\nr1,na,5\n", 'line 2, column 2 (a1): "na" is not a whole number, "NA" or empty'),
    ("respondent,a1,a2\nr1,N/A,5\n", 'line 2, column 2 (a1): "N/A" is not a whole number, "NA" or empty'),
    ("respondent,a1\nr1,3\nr2,4\nr1,5\n", 'line 4, column 1 (respondent): duplicate respondent "r1" (also line 2)'),
    ("respondent,a1\nr1,3\n r1 ,4\n", 'line 3, column 1 (respondent): duplicate respondent "r1" (also line 2)'),
    ("respondent,a1\n,3\n", "line 2, column 1 (respondent): the respondent is missing"),
    ("respondent,a1,a2\nr1,3\n", "line 2: 2 values, but the header has 3 columns"),
    ("respondent,a1,a2\nr1,3,4,5\n", "line 2: 4 values, but the header has 3 columns"),
    ('respondent,a1\nr1,"3\n', "line 2: not valid CSV: unexpected end of data"),
]


@pytest.mark.parametrize(("text", "message"), REFUSED, ids=[message for _, message in REFUSED])
def test_refusals_name_the_line_and_column(text, message):
    assert refusal(text) == message


def test_na_is_refused_when_the_scale_does_not_allow_it():
    assert (
        refusal("respondent,a1,b2\nr1,3,NA\n", NO_NA)
        == 'line 2, column 3 (b2): "NA" is not allowed: this instrument has no "don\'t know / not applicable"'
    )
    assert refusal("respondent,a1\nr1,x\n", NO_NA) == 'line 2, column 2 (a1): "x" is not a whole number or empty'


def test_the_error_carries_line_and_column():
    with pytest.raises(ResponsesCSVError) as refused:
        parse_responses("respondent,a1,a2\nr1,4,6\n", INSTRUMENT)
    assert (refused.value.line, refused.value.column, refused.value.column_name) == (2, 3, "a2")


def test_bytes_that_are_not_utf8_are_refused():
    assert refusal(b"respondent,a1\nJos\xe9,3\n") == (
        'the file is not UTF-8 text; save it from your spreadsheet as "CSV UTF-8"'
    )


# --- Writing the scores CSVs ---------------------------------------------------------------------


def test_scores_csv_rows_per_respondent_per_dimension_then_overall():
    r1 = score_respondent(INSTRUMENT, {"a1": 4, "a2": 2, "b1": 3, "b2": 4, "b3": 4})
    r2 = score_respondent(INSTRUMENT, {"a1": 5, "b1": 2})
    # r1: a = (4 + 4) / 2 = 4; b = 11/3; overall (4 + 11/3) / 2 = 23/6 = 3.8333…
    # r2: a = 5; b has 1 of 3 answered, so empty; overall 5
    assert scores_csv(INSTRUMENT, [("r1", r1), ("Smith, J", r2)]) == (
        "respondent,dimension,score,band\n"
        "r1,a,4.00,strength\n"
        "r1,b,3.67,developing\n"
        "r1,overall,3.83,developing\n"
        '"Smith, J",a,5.00,strength\n'
        '"Smith, J",b,,\n'
        '"Smith, J",overall,5.00,strength\n'
    )


def test_aggregate_csv_withholds_figures_below_the_minimum():
    results = [
        score_respondent(INSTRUMENT, {"a1": 2, "a2": 4, "b1": 1, "b2": 2}),  # a 2, b 1.5, overall 1.75
        score_respondent(INSTRUMENT, {"a1": 3, "a2": 3, "b1": 5}),  # a 3, b empty, overall 3
        score_respondent(INSTRUMENT, {"a1": 4, "a2": 2, "b1": 4, "b2": 4, "b3": 4}),  # a 4, b 4, overall 4
    ]
    assert [result.overall_score for result in results] == [Fraction(7, 4), 3, 4]
    # a: 2, 3, 4 -> mean 3, sd sqrt(2/3) = 0.8165; overall: 1.75, 3, 4 -> mean 2.9167,
    # deviations -1.1667, 0.0833, 1.0833 -> variance (1.3611 + 0.0069 + 1.1736) / 3 = 0.8472, sd 0.9204
    assert aggregate_csv(INSTRUMENT, aggregate(INSTRUMENT, results)) == (
        "dimension,n,mean,min,max,sd,band\n"
        "a,3,3.00,2.00,4.00,0.82,developing\n"
        "b,2,,,,,\n"
        "overall,3,2.92,1.75,4.00,0.92,priority\n"
    )


def test_score_responses_from_parsed_rows():
    responses = parse_responses("respondent,a1,a2\nx,5,1\n", INSTRUMENT)
    assert score_responses(INSTRUMENT, responses) == (
        "respondent,dimension,score,band\nx,a,5.00,strength\nx,b,,\nx,overall,5.00,strength\n"
    )
    assert score_responses(INSTRUMENT, responses, aggregated=True) == (
        "dimension,n,mean,min,max,sd,band\na,1,,,,,\nb,0,,,,,\noverall,1,,,,,\n"
    )


def test_values_with_quotes_or_line_breaks_are_quoted_so_they_read_back():
    result = score_respondent(INSTRUMENT, {})
    out = scores_csv(INSTRUMENT, [('say "hi"', result)])
    assert out.splitlines()[1] == '"say ""hi""",a,,'
