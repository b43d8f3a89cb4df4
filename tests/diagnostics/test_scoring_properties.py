"""Properties of the scoring rules that must hold for any scale and any answers (hypothesis)."""

import statistics
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from diagnostics.scoring import (
    DEFAULT_BANDS,
    NA,
    Dimension,
    Item,
    Scale,
    band_for,
    dimension_score,
    item_score,
    overall_score,
    population_sd,
    to_decimal,
)


@st.composite
def scales(draw):
    low = draw(st.integers(min_value=-5, max_value=5))
    high = low + draw(st.integers(min_value=1, max_value=10))
    return Scale(min=low, max=high, allow_na=True)


@st.composite
def scored_dimension(draw, reverse=None):
    """A scale, a dimension of 1–8 statements and answers (in range, NA or missing) for it."""
    scale = draw(scales())
    count = draw(st.integers(min_value=1, max_value=8))
    flags = [draw(st.booleans()) if reverse is None else reverse for _ in range(count)]
    dim = Dimension(key="d", title="D", items=tuple(Item(f"q{n}", "Statement", flag) for n, flag in enumerate(flags)))
    answer = st.one_of(st.integers(min_value=scale.min, max_value=scale.max), st.just(NA), st.none())
    answers = {f"q{n}": draw(answer) for n in range(count)}
    return scale, dim, answers


def mirror(answers, scale):
    return {key: (scale.min + scale.max - value if isinstance(value, int) else value) for key, value in answers.items()}


@given(scored_dimension())
def test_dimension_score_lies_within_the_scale(case):
    scale, dim, answers = case
    score = dimension_score(dim, answers, scale)
    assert score is None or scale.min <= score <= scale.max


@given(scored_dimension(reverse=False))
def test_mirroring_every_answer_mirrors_the_score_of_forward_items(case):
    scale, dim, answers = case
    score = dimension_score(dim, answers, scale)
    mirrored = dimension_score(dim, mirror(answers, scale), scale)
    if score is None:
        assert mirrored is None  # the same statements are answered
    else:
        assert mirrored == scale.min + scale.max - score


@given(scored_dimension())
def test_mirroring_every_answer_mirrors_the_score_whatever_the_reverse_flags(case):
    scale, dim, answers = case
    score = dimension_score(dim, answers, scale)
    mirrored = dimension_score(dim, mirror(answers, scale), scale)
    assert (mirrored is None) if score is None else (mirrored == scale.min + scale.max - score)


@given(scales(), st.data())
def test_a_reverse_item_scores_as_a_forward_item_answered_the_mirror_way(scale, data):
    answer = data.draw(st.integers(min_value=scale.min, max_value=scale.max))
    assert item_score(answer, scale, reverse=True) == item_score(scale.min + scale.max - answer, scale)


@given(scored_dimension())
def test_empty_exactly_when_fewer_than_half_are_answered(case):
    scale, dim, answers = case
    answered = sum(1 for value in answers.values() if isinstance(value, int))
    score = dimension_score(dim, answers, scale)
    assert (score is None) == (2 * answered < len(dim.items))


@given(st.lists(st.one_of(st.none(), st.fractions(min_value=1, max_value=5)), max_size=8))
def test_overall_lies_between_the_lowest_and_highest_dimension_scores(scores):
    overall = overall_score(scores)
    present = [score for score in scores if score is not None]
    assert (overall is None) if not present else (min(present) <= overall <= max(present))


@given(st.decimals(min_value=-100, max_value=100, places=6), st.integers(min_value=0, max_value=3))
def test_to_decimal_agrees_with_decimal_round_half_up(value, places):
    assert to_decimal(value, places) == value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


@given(st.fractions(min_value=1, max_value=5), st.fractions(min_value=1, max_value=5))
def test_bands_never_go_down_as_the_score_goes_up(a, b):
    low, high = sorted((a, b))
    order = [band.key for band in DEFAULT_BANDS]
    assert order.index(band_for(high, DEFAULT_BANDS).key) <= order.index(band_for(low, DEFAULT_BANDS).key)


@given(st.lists(st.fractions(min_value=1, max_value=5, max_denominator=60), min_size=1, max_size=30))
def test_population_sd_squared_is_the_exact_population_variance(values):
    sd = population_sd(values)
    variance = statistics.pvariance(values)  # exact Fraction for Fraction data
    assert abs(Fraction(sd) ** 2 - variance) < Fraction(1, 10**40)
