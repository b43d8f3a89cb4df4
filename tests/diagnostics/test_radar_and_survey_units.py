"""Plain-function tests: the radar chart's geometry and the survey's answer handling."""

from fractions import Fraction

from diagnostics import survey
from diagnostics.factories import DimensionFactory, ScaleFactory, SurveyDataFactory
from diagnostics.radar import CENTRE_X, CENTRE_Y, RADIUS, radar_chart
from diagnostics.results import format_change
from diagnostics.scoring import NA


def test_the_first_axis_points_up_and_scores_scale_from_the_centre():
    chart = radar_chart([("A", Fraction(5), "5.0"), ("B", Fraction(1), "1.0"), ("C", Fraction(3), "3.0")], 1, 5)
    top, centre, middle = chart.points
    assert (top.x, top.y) == (CENTRE_X, CENTRE_Y - RADIUS)  # 5 is at the edge
    assert (centre.x, centre.y) == (CENTRE_X, CENTRE_Y)  # 1 is at the centre
    assert middle.y > CENTRE_Y  # the third axis points down and to the left
    assert chart.shape.count(",") == 3
    assert len(chart.rings) == 5 and not chart.circle_rings
    assert [label.lines[0] for label in chart.ring_labels] == ["2", "3", "4", "5"]


def test_a_dimension_without_a_score_has_no_point():
    chart = radar_chart([("A", Fraction(4), "4.0"), ("B", None, ""), ("C", Fraction(2), "2.0")], 1, 5)
    assert len(chart.points) == 2
    assert [label.lines for label in chart.labels] == [("A",), ("B",), ("C",)]


def test_long_labels_wrap_and_side_labels_anchor_away_from_the_chart():
    chart = radar_chart([(f"Dimension with a long title {n}", Fraction(3), "3.0") for n in range(4)], 1, 5)
    assert all(len(label.lines) > 1 for label in chart.labels)
    assert [label.anchor for label in chart.labels] == ["middle", "start", "middle", "end"]


def test_two_dimensions_use_circular_rings():
    assert radar_chart([("A", Fraction(3), "3.0"), ("B", Fraction(4), "4.0")], 1, 5).circle_rings


def test_format_change_rounds_half_up_with_a_sign():
    assert format_change(Fraction(1, 20)) == "+0.1"
    assert format_change(Fraction(-1, 20)) == "-0.1"
    assert format_change(Fraction(1, 30)) == "No change"
    assert format_change(None) == ""


def test_parse_answer_accepts_only_scale_points_and_na():
    SCALE_1_5, SCALE_1_5_NO_NA = ScaleFactory(), ScaleFactory(allow_na=False)
    assert survey.parse_answer("3", SCALE_1_5) == 3
    assert survey.parse_answer("NA", SCALE_1_5) == NA
    assert survey.parse_answer("NA", SCALE_1_5_NO_NA) is None
    for bad in ["0", "6", "03", " 3", "3.0", "na", "", None, "-1"]:
        assert survey.parse_answer(bad, SCALE_1_5) is None, bad


def test_stored_answers_are_cleaned_against_the_version():
    data = SurveyDataFactory(
        dimensions=(DimensionFactory(key="a", statements=2), DimensionFactory(key="b", statements=2))
    )
    stored = {"a1": 4, "a2": "NA", "b1": 9, "b2": True, "gone": 3}
    assert survey.clean_stored(stored, data) == {"a1": 4, "a2": NA}


def test_missing_items_lists_every_unanswered_statement_in_order():
    data = SurveyDataFactory(
        dimensions=(DimensionFactory(key="a", statements=2), DimensionFactory(key="b", statements=3))
    )
    missing = survey.missing_items(data, {"a1": 1, "b2": NA})
    assert [(number, item.key) for number, _, item in missing] == [(1, "a2"), (2, "b1"), (2, "b3")]
    assert survey.first_unanswered_section(data, {"a1": 1, "a2": 2}) == 2


def test_question_ids_are_unique_even_when_keys_look_like_suffixes():
    from diagnostics.scoring import Dimension, Item

    tricky = Dimension(key="d", title="D", items=(Item("x", "X"), Item("x-2", "X2"), Item("x-na", "XNA")))
    data = SurveyDataFactory(dimensions=(tricky,))
    ids = [option.id for question in survey.questions(data, data.items, {}) for option in question.options]
    ids += [question.na_option.id for question in survey.questions(data, data.items, {})]
    assert len(ids) == len(set(ids))


def test_minutes_to_complete():
    assert survey.minutes_to_complete(SurveyDataFactory(dimensions=(DimensionFactory(key="a", statements=12),))) == 5
    assert survey.minutes_to_complete(SurveyDataFactory(dimensions=(DimensionFactory(key="a", statements=1),))) == 1
