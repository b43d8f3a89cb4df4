"""The change chart's geometry (diagnostics/matrix_chart.py), without a database."""

from datetime import date
from types import SimpleNamespace

from diagnostics import matrix_chart
from diagnostics.matrix import ComparisonRow


def chart(days, *rows):
    sessions = [SimpleNamespace(date=day) for day in days]
    return matrix_chart.change_chart(SimpleNamespace(sessions=sessions, rows=list(rows)))


def row(cells, target=None, title="Shared purpose", levels=5):
    return ComparisonRow(key="k", title=title, levels=levels, cells=cells, target=target)


def test_levels_rise_and_sessions_run_left_to_right():
    drawn = chart([date(2025, 1, 1), date(2025, 6, 1), date(2026, 1, 1)], row([1, 5, 3], target=4))
    panel = drawn.panels[0]
    (low, top, middle) = panel.points
    assert low.x < top.x < middle.x
    assert top.y < middle.y < low.y  # SVG y grows downwards
    assert panel.grid[0][2] == low.y and panel.grid[-1][2] == top.y
    assert panel.target[2] < middle.y
    assert panel.line.count(",") == 3
    assert [label.text for label in panel.date_labels] == ["1 January 2025", "1 January 2026"]
    assert panel.empty is None


def test_one_session_is_a_point_in_the_middle_with_its_date():
    panel = chart([date(2026, 3, 5)], row([2])).panels[0]
    assert panel.line == ""
    assert len(panel.points) == 1
    assert [(label.text, label.anchor) for label in panel.date_labels] == [("5 March 2026", "middle")]
    assert panel.points[0].x == panel.date_labels[0].x


def test_a_session_without_the_dimension_has_no_point_and_the_line_joins_the_others():
    panel = chart([date(2025, 1, 1), date(2025, 6, 1), date(2026, 1, 1)], row([2, None, 3])).panels[0]
    assert len(panel.points) == 2
    assert panel.line.count(",") == 2
    assert panel.description == "Shared purpose: 2 on 1 January 2025, 3 on 1 January 2026 (of 5)."


def test_nothing_recorded_says_so():
    panel = chart([date(2025, 1, 1)], row([None])).panels[0]
    assert panel.points == () and panel.empty.text == "Not recorded"
    assert panel.description == "Shared purpose: not recorded (of 5)."


def test_panels_fill_two_columns_and_long_titles_wrap():
    rows = [row([1], title=f"A long area title that needs two lines {n}") for n in range(5)]
    drawn = chart([date(2025, 1, 1)], *rows)
    assert drawn.height == matrix_chart.LEGEND_HEIGHT + 3 * matrix_chart.PANEL_HEIGHT
    assert len(drawn.panels[0].title) == 2
    assert drawn.panels[1].points[0].x - drawn.panels[0].points[0].x == matrix_chart.PANEL_WIDTH
    assert drawn.panels[2].points[0].y - drawn.panels[0].points[0].y == matrix_chart.PANEL_HEIGHT
