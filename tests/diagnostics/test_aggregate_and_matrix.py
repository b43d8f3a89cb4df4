"""Rule 7 (network aggregates) and rule 8 (maturity matrix) of PRODUCT.md section 6.2."""

from decimal import Decimal, localcontext
from fractions import Fraction

import pytest

from diagnostics.factories import DimensionFactory, MatrixDataFactory, MatrixDimensionFactory, SurveyDataFactory
from diagnostics.scoring import (
    DEFAULT_BANDS,
    NA,
    MatrixEntry,
    aggregate,
    aggregate_scores,
    agreed_current,
    format_display,
    format_export,
    gap,
    level_range,
    population_sd,
    score_matrix,
    score_matrix_dimension,
    score_respondent,
)

# Three two-statement dimensions; minimum responses 3.
INSTRUMENT = SurveyDataFactory(
    dimensions=(
        DimensionFactory(key="a", statements=2),
        DimensionFactory(key="b", statements=2),
        DimensionFactory(key="c", statements=2),
    ),
    min_responses=3,
)

ANSWERS = [
    # a = 2, b = 4, c = 1; overall (2 + 4 + 1) / 3 = 7/3
    {"a1": 2, "a2": 2, "b1": 4, "b2": 4, "c1": 1, "c2": 1},
    # a = 3, b = 4.5, c empty; overall (3 + 4.5) / 2 = 15/4
    {"a1": 3, "a2": 3, "b1": 4, "b2": 5, "c1": NA, "c2": NA},
    # a = 4, b empty, c = 5 (1 of 2 answered is enough); overall (4 + 5) / 2 = 9/2
    {"a1": 4, "a2": 4, "b1": NA, "c1": 5},
    # a = 5, b = 5, c empty; overall 5
    {"a1": 5, "a2": 5, "b1": 5, "b2": 5},
]


def sqrt(numerator: int, denominator: int = 1) -> Decimal:
    """sqrt(numerator / denominator) to 60 digits, worked out independently of the code under test."""
    with localcontext() as context:
        context.prec = 60
        return (Decimal(numerator) / Decimal(denominator)).sqrt()


def close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) < Decimal("1e-40")


@pytest.fixture
def result():
    return aggregate(INSTRUMENT, [score_respondent(INSTRUMENT, answers) for answers in ANSWERS])


def test_aggregate_of_a_dimension_everyone_scored(result):
    a = result.dimension("a")
    # scores 2, 3, 4, 5: mean 3.5; deviations ±1.5, ±0.5; variance (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25
    assert (a.n, a.mean, a.min, a.max) == (4, Fraction(7, 2), 2, 5)
    assert close(a.sd, sqrt(5, 4))
    assert format_export(a.sd) == "1.12"
    assert a.band.key == "developing"
    assert a.enough


def test_aggregate_leaves_out_empty_dimension_scores(result):
    b = result.dimension("b")
    # scores 4, 4.5, 5 (the third respondent's b is empty): mean 4.5; variance (0.25 + 0 + 0.25) / 3 = 1/6
    assert (b.n, b.mean, b.min, b.max) == (3, Fraction(9, 2), 4, 5)
    assert close(b.sd, sqrt(1, 6))
    assert format_export(b.sd) == "0.41"
    assert b.band.key == "strength"


def test_dimension_below_minimum_responses_shows_n_but_no_figures(result):
    c = result.dimension("c")
    # two non-empty scores (1 and 5), minimum 3
    assert c.n == 2
    assert not c.enough
    assert (c.mean, c.min, c.max, c.sd, c.band) == (None, None, None, None, None)
    assert c.range_text == ""


def test_overall_aggregates_respondents_overall_scores(result):
    overall = result.overall
    # overall scores 7/3, 15/4, 9/2, 5 = 112/48, 180/48, 216/48, 240/48; mean 748/192 = 187/48 = 3.8958…
    assert overall.key == "overall"
    assert overall.n == 4
    assert overall.mean == Fraction(187, 48)
    assert (overall.min, overall.max) == (Fraction(7, 3), 5)
    # deviations -75/48, -7/48, 29/48, 53/48; squares sum to 9324 / 48²; variance 9324 / 9216
    assert close(overall.sd, sqrt(9324, 9216))
    assert format_export(overall.sd) == "1.01"
    assert format_export(overall.mean) == "3.90"
    assert format_display(overall.mean) == "3.9"
    assert overall.band.key == "developing"  # the unrounded mean 3.896 is below 4.0
    assert overall.range_text == "2.3–5.0"


def test_lines_come_in_instrument_order_then_overall(result):
    assert [line.key for line in result.lines] == ["a", "b", "c", "overall"]


def test_minimum_responses_exactly_at_and_just_below():
    scores = [Fraction(4), Fraction(3), Fraction(5)]
    at = aggregate_scores("d", scores, DEFAULT_BANDS, min_responses=3)
    below = aggregate_scores("d", scores[:2], DEFAULT_BANDS, min_responses=3)
    assert at.enough and at.mean == 4 and at.band.key == "strength"
    assert not below.enough and below.n == 2 and below.mean is None


def test_overall_below_minimum_responses_is_withheld_too():
    instrument = SurveyDataFactory(
        dimensions=(DimensionFactory(key="a", statements=1), DimensionFactory(key="b", statements=1)), min_responses=3
    )
    results = [
        score_respondent(instrument, {"a1": 4, "b1": 4}),
        score_respondent(instrument, {"a1": 3}),
        score_respondent(instrument, {}),  # everything empty: no overall score
    ]
    aggregated = aggregate(instrument, results)
    assert aggregated.dimension("a").n == 2
    assert not aggregated.dimension("a").enough
    assert aggregated.dimension("b").n == 1
    assert aggregated.overall.n == 2
    assert not aggregated.overall.enough
    assert aggregated.overall.mean is None


def test_no_respondents_gives_n_zero_everywhere():
    aggregated = aggregate(INSTRUMENT, [])
    assert [(line.n, line.enough) for line in aggregated.lines] == [(0, False)] * 4


def test_a_single_respondent_with_minimum_one_has_sd_zero():
    line = aggregate_scores("d", [Fraction(7, 2)], DEFAULT_BANDS, min_responses=1)
    assert (line.n, line.mean, line.min, line.max, line.sd) == (1, Fraction(7, 2), Fraction(7, 2), Fraction(7, 2), 0)
    assert format_export(line.sd) == "0.00"
    assert line.range_text == "3.5"


def test_sd_that_is_exactly_a_tie_rounds_half_up():
    # scores 3 and 3.25: mean 3.125, sd exactly 0.125 -> "0.13" (half-even would give "0.12")
    line = aggregate_scores("d", [Fraction(3), Fraction(13, 4)], DEFAULT_BANDS, min_responses=2)
    assert line.sd == Decimal("0.125")
    assert format_export(line.sd) == "0.13"
    assert format_export(line.mean) == "3.13"


def test_population_not_sample_standard_deviation():
    # 1, 2, 3: population variance 2/3 (sample variance would be 1)
    assert close(population_sd([1, 2, 3]), sqrt(2, 3))
    assert population_sd([2, 4, 4, 4, 5, 5, 7, 9]) == 2
    with pytest.raises(ValueError):
        population_sd([])


def test_band_of_the_aggregate_is_the_band_of_the_unrounded_mean():
    # 3.95 + 3.95 + 3.96 -> mean 3.9533…, shown 4.0, banded developing
    line = aggregate_scores("d", [Decimal("3.95"), Decimal("3.95"), Decimal("3.96")], DEFAULT_BANDS, 3)
    assert format_display(line.mean) == "4.0"
    assert line.band.key == "developing"


def test_aggregate_refuses_a_matrix():
    matrix = MatrixDataFactory(slug="m", title="M", dimensions=(MatrixDimensionFactory(key="m"),))
    with pytest.raises(ValueError, match="not a survey"):
        aggregate(matrix, [])


# --- Rule 8: maturity matrix ---------------------------------------------------------------------


def test_agreed_current_defaults_to_the_lowest_level_chosen():
    assert agreed_current([3, 2, 4]) == 2
    assert agreed_current([5]) == 5
    assert agreed_current([]) is None


def test_agreed_current_as_recorded_wins_over_the_default():
    assert agreed_current([3, 2, 4], agreed=3) == 3
    assert agreed_current([], agreed=1) == 1


def test_range_is_min_en_dash_max_or_one_number_when_all_agree():
    assert level_range([2, 4, 3]) == "2\u20134"
    assert level_range([4, 1]) == "1–4"
    assert level_range([3, 3, 3]) == "3"
    assert level_range([2]) == "2"
    assert level_range([]) == ""


def test_gap_is_target_minus_current():
    assert gap(4, 2) == 2
    assert gap(3, 3) == 0
    assert gap(2, 3) == -1
    assert gap(None, 2) is None
    assert gap(4, None) is None


def test_matrix_dimension_uses_the_default_current_for_the_gap():
    result = score_matrix_dimension(MatrixDimensionFactory(key="m"), MatrixEntry(chosen=(3, 2, 4), target=4))
    assert (result.current, result.range_text, result.gap) == (2, "2–4", 2)
    recorded = score_matrix_dimension(
        MatrixDimensionFactory(key="m"), MatrixEntry(chosen=(3, 2, 4), current=3, target=5)
    )
    assert (recorded.current, recorded.gap) == (3, 2)


def test_matrix_levels_must_exist():
    with pytest.raises(ValueError, match="level 6 is not between 1 and 5"):
        score_matrix_dimension(MatrixDimensionFactory(key="m"), MatrixEntry(chosen=(2, 6)))
    with pytest.raises(ValueError, match="level 0 is not between 1 and 4"):
        score_matrix_dimension(MatrixDimensionFactory(key="m", level_count=4), MatrixEntry(target=0))


def test_score_matrix_in_instrument_order_with_unrecorded_dimensions_empty():
    matrix = MatrixDataFactory(
        slug="m", title="M", dimensions=(MatrixDimensionFactory(key="x"), MatrixDimensionFactory(key="y"))
    )
    x, y = score_matrix(matrix, {"y": MatrixEntry(chosen=(1, 1), target=3)})
    assert (x.key, x.current, x.range_text, x.gap) == ("x", None, "", None)
    assert (y.key, y.current, y.range_text, y.gap) == ("y", 1, "1", 2)
    with pytest.raises(ValueError, match="unknown dimension key 'z'"):
        score_matrix(matrix, {"z": MatrixEntry()})
