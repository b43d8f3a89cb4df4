"""The scoring rules of PRODUCT.md section 6.2, one by one."""

from decimal import Decimal
from fractions import Fraction

import pytest

from diagnostics.factories import BandFactory, DimensionFactory, ScaleFactory, SurveyDataFactory
from diagnostics.scoring import (
    DEFAULT_BANDS,
    NA,
    OVERALL,
    answers_needed,
    band_for,
    dimension_score,
    format_display,
    format_export,
    item_score,
    overall_score,
    score_respondent,
    to_decimal,
)

SCALE_1_5 = ScaleFactory()
SCALE_1_5_NO_NA = ScaleFactory(allow_na=False)
SCALE_0_10 = ScaleFactory(min=0, max=10)
SCALE_1_7 = ScaleFactory(max=7, allow_na=False)

# --- Rules 1 and 2: answers and item scores ---------------------------------------------------


@pytest.mark.parametrize(
    ("scale", "answer", "forward", "reversed_"),
    [
        (SCALE_1_5, 1, 1, 5),
        (SCALE_1_5, 2, 2, 4),
        (SCALE_1_5, 3, 3, 3),
        (SCALE_1_5, 4, 4, 2),
        (SCALE_1_5, 5, 5, 1),
        (SCALE_0_10, 0, 0, 10),
        (SCALE_0_10, 7, 7, 3),
        (SCALE_0_10, 10, 10, 0),
        (SCALE_0_10, 5, 5, 5),
        (SCALE_1_7, 1, 1, 7),
        (SCALE_1_7, 2, 2, 6),
        (SCALE_1_7, 4, 4, 4),
        (SCALE_1_7, 7, 7, 1),
    ],
)
def test_item_score_is_the_answer_or_min_plus_max_minus_answer_when_reversed(scale, answer, forward, reversed_):
    assert item_score(answer, scale) == forward
    assert item_score(answer, scale, reverse=True) == reversed_


@pytest.mark.parametrize("reverse", [False, True])
def test_na_and_missing_have_no_item_score(reverse):
    assert item_score(NA, SCALE_1_5, reverse) is None
    assert item_score(None, SCALE_1_5, reverse) is None


@pytest.mark.parametrize(
    ("scale", "answer", "message"),
    [
        (SCALE_1_5, 0, "0 is out of range: answers go from 1 to 5"),
        (SCALE_1_5, 6, "6 is out of range: answers go from 1 to 5"),
        (SCALE_0_10, 11, "11 is out of range: answers go from 0 to 10"),
        (SCALE_0_10, -1, "-1 is out of range: answers go from 0 to 10"),
        (SCALE_1_5, "3", "'3' is not a whole number, NA or empty"),
        (SCALE_1_5, 3.0, "3.0 is not a whole number, NA or empty"),
        (SCALE_1_5, True, "True is not a whole number, NA or empty"),
        (SCALE_1_5, "na", "'na' is not a whole number, NA or empty"),
        (SCALE_1_5_NO_NA, NA, '"NA" is not allowed'),
    ],
)
def test_answers_outside_rule_1_are_refused(scale, answer, message):
    with pytest.raises(ValueError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        item_score(answer, scale)


# --- Rule 3: dimension score and "not enough answers" -----------------------------------------


def test_dimension_score_is_the_mean_of_answered_item_scores_leaving_out_na_and_missing():
    dim = DimensionFactory(key="d", statements=5, reverse=(5,))
    # d1=4, d2=5, d3=NA, d4 missing, d5=2 reversed -> 4; mean of 4, 5, 4 = 13/3
    answers = {"d1": 4, "d2": 5, "d3": NA, "d5": 2}
    assert dimension_score(dim, answers, SCALE_1_5) == Fraction(13, 3)


def test_dimension_score_is_exact_not_rounded():
    score = dimension_score(DimensionFactory(key="d", statements=3), {"d1": 4, "d2": 4, "d3": 3}, SCALE_1_5)
    assert score == Fraction(11, 3)
    assert format_display(score) == "3.7"
    assert format_export(score) == "3.67"


def test_reverse_scoring_on_a_0_to_10_scale():
    dim = DimensionFactory(key="d", statements=2, reverse=(2,))
    # 8 and (0 + 10 - 3) = 7
    assert dimension_score(dim, {"d1": 8, "d2": 3}, SCALE_0_10) == Fraction(15, 2)


def test_reverse_scoring_on_a_1_to_7_scale():
    dim = DimensionFactory(key="d", statements=3, reverse=(1, 3))
    # (1 + 7 - 2) = 6, 5, (1 + 7 - 7) = 1
    assert dimension_score(dim, {"d1": 2, "d2": 5, "d3": 7}, SCALE_1_7) == Fraction(12, 3)


@pytest.mark.parametrize(
    ("items", "needed"),
    [(1, 1), (2, 1), (3, 2), (4, 2), (5, 3), (6, 3), (7, 4)],
)
def test_answers_needed_is_ceil_of_half_the_items(items, needed):
    assert answers_needed(items) == needed


@pytest.mark.parametrize(
    ("items", "answered", "has_score"),
    [
        # odd item counts: ceil(5 / 2) = 3, ceil(3 / 2) = 2, ceil(1 / 2) = 1
        (5, 3, True),
        (5, 2, False),
        (5, 5, True),
        (3, 2, True),
        (3, 1, False),
        (1, 1, True),
        (1, 0, False),
        # even item counts: ceil(4 / 2) = 2, ceil(2 / 2) = 1, ceil(6 / 2) = 3
        (4, 2, True),
        (4, 1, False),
        (2, 1, True),
        (2, 0, False),
        (6, 3, True),
        (6, 2, False),
    ],
)
@pytest.mark.parametrize("unanswered", [None, NA])
def test_dimension_is_empty_when_fewer_than_half_its_statements_are_answered(items, answered, has_score, unanswered):
    dim = DimensionFactory(key="d", statements=items)
    answers = {f"d{n}": (4 if n <= answered else unanswered) for n in range(1, items + 1)}
    score = dimension_score(dim, answers, SCALE_1_5)
    assert (score == 4) if has_score else (score is None)


def test_na_counts_as_unanswered_for_the_threshold():
    dim = DimensionFactory(key="d", statements=4)
    assert dimension_score(dim, {"d1": NA, "d2": NA, "d3": NA, "d4": 2}, SCALE_1_5) is None
    assert dimension_score(dim, {"d1": NA, "d2": NA, "d3": 5, "d4": 2}, SCALE_1_5) == Fraction(7, 2)


# --- Rule 4: bands, chosen by the unrounded score ---------------------------------------------


@pytest.mark.parametrize(
    ("score", "band"),
    [
        ("5", "strength"),
        ("4.01", "strength"),
        ("4.0", "strength"),
        ("4", "strength"),
        ("3.99", "developing"),
        ("3.95", "developing"),  # shown as 4.0, still developing
        ("3.01", "developing"),
        ("3.0", "developing"),
        ("2.99", "priority"),
        ("2.95", "priority"),  # shown as 3.0, still priority
        ("1", "priority"),
    ],
)
def test_default_band_edges(score, band):
    assert band_for(Decimal(score), DEFAULT_BANDS).key == band


def test_band_uses_the_exact_score_even_a_hair_below_a_threshold():
    assert band_for(Fraction(4) - Fraction(1, 10**40), DEFAULT_BANDS).key == "developing"
    assert band_for(Fraction(3) - Fraction(1, 10**40), DEFAULT_BANDS).key == "priority"
    assert band_for(Fraction(4), DEFAULT_BANDS).key == "strength"
    assert band_for(4, DEFAULT_BANDS).key == "strength"


def test_band_is_chosen_before_rounding_for_a_real_dimension_score():
    # 20 statements: nineteen 4s and one 3 -> 79/20 = 3.95: shown 4.0, banded developing.
    dim = DimensionFactory(key="d", statements=20)
    answers = {f"d{n}": 4 for n in range(1, 20)} | {"d20": 3}
    score = dimension_score(dim, answers, SCALE_1_5)
    assert score == Decimal("3.95")
    assert format_display(score) == "4.0"
    assert band_for(score, DEFAULT_BANDS).key == "developing"


CUSTOM = (
    BandFactory(key="excellent", min=Decimal("4.5")),
    BandFactory(key="good", min=Decimal("3.5")),
    BandFactory(key="fair", min=Decimal("2.25")),
    BandFactory(key="poor", min=None),
)


@pytest.mark.parametrize(
    ("score", "band"),
    [
        ("4.6", "excellent"),
        ("4.5", "excellent"),
        ("4.49", "good"),
        ("3.51", "good"),
        ("3.5", "good"),
        ("3.49", "fair"),
        ("2.26", "fair"),
        ("2.25", "fair"),
        ("2.24", "poor"),
        ("1", "poor"),
    ],
)
def test_custom_bands_on_a_1_to_5_scale(score, band):
    assert band_for(Decimal(score), CUSTOM).key == band


TEN_POINT = (
    BandFactory(key="high", min=Decimal("7")),
    BandFactory(key="middle", min=Decimal("4")),
    BandFactory(key="low", min=None),
)


@pytest.mark.parametrize(
    ("score", "band"),
    [
        ("10", "high"),
        ("7.01", "high"),
        ("7", "high"),
        ("6.99", "middle"),
        ("4", "middle"),
        ("3.99", "low"),
        ("0", "low"),
    ],
)
def test_custom_bands_on_a_0_to_10_scale(score, band):
    assert band_for(Decimal(score), TEN_POINT).key == band


def test_custom_bands_apply_to_respondent_scores():
    instrument = SurveyDataFactory(
        dimensions=(DimensionFactory(key="d", statements=2),), scale=SCALE_0_10, bands=TEN_POINT
    )
    result = score_respondent(instrument, {"d1": 7, "d2": 6})
    assert result.dimension("d").score == Fraction(13, 2)
    assert result.dimension("d").band_key == "middle"


def test_single_band_takes_every_score():
    only = (BandFactory(key="all", min=None),)
    assert band_for(Decimal("1"), only).key == "all"
    assert band_for(Decimal("5"), only).key == "all"


def test_empty_score_has_no_band():
    assert band_for(None, DEFAULT_BANDS) is None


def test_floats_are_refused_so_binary_error_cannot_creep_in():
    with pytest.raises(TypeError):
        band_for(3.95, DEFAULT_BANDS)
    with pytest.raises(TypeError):
        format_export(2.675)


# --- Rule 5: overall score ----------------------------------------------------------------------


def test_overall_is_the_mean_of_non_empty_dimension_scores_each_counting_equally():
    instrument = SurveyDataFactory(
        dimensions=(
            DimensionFactory(key="a", statements=2),
            DimensionFactory(key="b", statements=5),
            DimensionFactory(key="c", statements=4),
        )
    )
    result = score_respondent(
        instrument,
        {
            "a1": 2,
            "a2": 3,  # a = 2.5
            "b1": 5,
            "b2": 5,
            "b3": 5,
            "b4": 5,
            "b5": 4,  # b = 4.8
            "c1": 1,  # c: 1 of 4 answered -> empty
        },
    )
    assert [line.score for line in result.dimensions] == [Fraction(5, 2), Fraction(24, 5), None]
    assert result.overall_score == Fraction(73, 20)  # (2.5 + 4.8) / 2 = 3.65
    assert result.overall_band.key == "developing"
    assert result.overall.key == OVERALL
    assert format_export(result.overall.score) == "3.65"


def test_overall_is_empty_when_every_dimension_is_empty():
    instrument = SurveyDataFactory(
        dimensions=(DimensionFactory(key="a", statements=2), DimensionFactory(key="b", statements=3))
    )
    result = score_respondent(instrument, {"a1": NA, "b1": 4})
    assert [line.score for line in result.dimensions] == [None, None]
    assert result.overall_score is None
    assert result.overall_band is None
    assert overall_score([None, None]) is None
    assert overall_score([]) is None


def test_overall_exactly_on_a_threshold_is_not_pushed_below_it():
    # 13/3, 13/3 and 10/3 average to exactly 4: a strength. Rounded parts would sum to 11.99…
    instrument = SurveyDataFactory(
        dimensions=(
            DimensionFactory(key="a", statements=3),
            DimensionFactory(key="b", statements=3),
            DimensionFactory(key="c", statements=3),
        )
    )
    result = score_respondent(
        instrument, {"a1": 4, "a2": 4, "a3": 5, "b1": 5, "b2": 4, "b3": 4, "c1": 3, "c2": 3, "c3": 4}
    )
    assert result.overall_score == 4
    assert result.overall_band.key == "strength"


def test_score_respondent_refuses_unknown_items_and_bad_answers():
    instrument = SurveyDataFactory(dimensions=(DimensionFactory(key="a", statements=2),), scale=SCALE_1_5_NO_NA)
    with pytest.raises(ValueError, match="unknown item key 'zz'"):
        score_respondent(instrument, {"zz": 3})
    with pytest.raises(ValueError, match="^a2: 9 is out of range"):
        score_respondent(instrument, {"a1": 3, "a2": 9})
    with pytest.raises(ValueError, match='^a1: "NA" is not allowed'):
        score_respondent(instrument, {"a1": NA})


# --- Rule 6: rounding half-up, only for display and export -------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2.25", "2.3"),
        ("2.35", "2.4"),
        ("1.15", "1.2"),
        ("0.15", "0.2"),
        ("2.24", "2.2"),
        ("3.95", "4.0"),
        ("2.95", "3.0"),
        ("4", "4.0"),
        ("0", "0.0"),
    ],
)
def test_display_rounds_to_one_place_half_up(value, shown):
    assert format_display(Decimal(value)) == shown


@pytest.mark.parametrize(
    ("value", "exported"),
    [
        ("2.125", "2.13"),
        ("2.675", "2.68"),
        ("1.005", "1.01"),
        ("2.135", "2.14"),
        ("2.124999", "2.12"),
        ("4", "4.00"),
        ("3.5", "3.50"),
    ],
)
def test_export_rounds_to_two_places_half_up(value, exported):
    assert format_export(Decimal(value)) == exported


def test_binary_floats_would_get_these_wrong():
    # Why everything stays exact: float rounding of the same values goes the wrong way.
    assert f"{2.25:.1f}" == "2.2"
    assert f"{1.15:.1f}" == "1.1"
    assert f"{2.675:.2f}" == "2.67"
    assert f"{2.125:.2f}" == "2.12"
    assert format_display(Decimal("1.15")) == "1.2"
    assert format_export(Decimal("2.675")) == "2.68"


def test_rounding_fractions_exactly():
    assert format_export(Fraction(13, 3)) == "4.33"
    assert format_export(Fraction(14, 3)) == "4.67"
    assert format_display(Fraction(5, 8)) == "0.6"
    assert format_export(Fraction(5, 8)) == "0.63"  # 0.625, a tie, goes up
    assert format_display(Fraction(1, 4) + 2) == "2.3"


def test_rounding_negatives_goes_away_from_zero_and_never_shows_minus_zero():
    assert to_decimal(Decimal("-2.25"), 1) == Decimal("-2.3")
    assert format_display(Decimal("-0.04")) == "0.0"
    assert format_display(Decimal("-0.05")) == "-0.1"


def test_empty_scores_format_as_empty_text():
    assert format_display(None) == ""
    assert format_export(None) == ""


def test_to_decimal_gives_fixed_places():
    assert to_decimal(Fraction(7, 2), 2) == Decimal("3.50")
    assert str(to_decimal(Fraction(7, 2), 2)) == "3.50"
