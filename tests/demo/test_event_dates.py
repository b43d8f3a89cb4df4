"""Demo events fall on working days: an event date counted from today never lands on a weekend
or between Christmas Eve and New Year's Day (a network gathering "on 24 December, lunch
provided" reads as a mistake)."""

from datetime import date, timedelta

from django.test import SimpleTestCase

from demo.builders.pages import working_day

MONDAY_30_NOVEMBER = date(2026, 11, 30)


class WorkingDayTests(SimpleTestCase):
    def test_an_ordinary_weekday_stays(self):
        self.assertEqual(working_day(date(2026, 12, 10)), date(2026, 12, 10))

    def test_christmas_moves_to_the_first_working_day_of_january(self):
        christmas_eve = MONDAY_30_NOVEMBER + timedelta(days=24)
        self.assertEqual(christmas_eve, date(2026, 12, 24))
        self.assertEqual(working_day(christmas_eve), date(2027, 1, 4))

    def test_a_weekend_moves_to_monday(self):
        self.assertEqual(working_day(date(2026, 12, 5)), date(2026, 12, 7))

    def test_past_events_move_back_to_the_working_day_before(self):
        self.assertEqual(working_day(date(2026, 12, 26), earlier=True), date(2026, 12, 23))
        self.assertEqual(working_day(date(2026, 11, 1), earlier=True), date(2026, 10, 30))

    def test_every_day_of_a_year_gives_a_working_day(self):
        for offset in range(366):
            day = MONDAY_30_NOVEMBER + timedelta(days=offset)
            for earlier in (False, True):
                moved = working_day(day, earlier=earlier)
                self.assertLess(moved.weekday(), 5, (day, moved))
                self.assertFalse((moved.month, moved.day) >= (12, 24) or (moved.month, moved.day) <= (1, 1), moved)
                self.assertLessEqual(abs((moved - day).days), 12)
