"""A dimension without a score keeps its axis on the radar chart, marked as such."""

from fractions import Fraction

from django.test import TestCase

from diagnostics.radar import radar_chart
from source4networks.factories import UserFactory

from .helpers import SCORECARD, instrument_data
from .test_results_page import submitted


def test_an_unscored_axis_is_marked():
    chart = radar_chart([("A", Fraction(4), "4.0"), ("B", None, ""), ("C", Fraction(2), "2.0")], 1, 5)
    assert [label.missing for label in chart.labels] == [False, True, False]
    assert len(chart.axes) == 3


class RadarMissingAxisTests(TestCase):
    def test_the_chart_says_not_enough_answers_beside_the_axis(self):
        member = UserFactory(username="sparse")
        data = instrument_data(SCORECARD)
        answers = {item.key: "NA" for item in data.dimensions[0].items}
        answers |= {item.key: 4 for dimension in data.dimensions[1:] for item in dimension.items}
        response = submitted(member, SCORECARD, answers)
        self.client.force_login(member)
        svg = (
            self.client.get(response.get_absolute_url())
            .content.decode()
            .split('<svg class="s4n-radar__chart"', 1)[1]
            .split("</svg>")[0]
        )
        self.assertRegex(svg, r">Purpose</tspan><tspan [^>]*>\(not enough answers\)</tspan></text>")
        self.assertEqual(svg.count("(not enough answers)"), 1)
