"""Rough edges a first visitor meets on the discussion pages."""

from django.test import SimpleTestCase

from community.discussions.posting import Refusal

from .base import DiscussionTestCase


class SpaceKindLabelTests(DiscussionTestCase):
    def test_space_kind_keeps_its_colon(self):
        content = self.client.get("/community/").content.decode()
        self.assertIn("Open: anyone can read, verified members post.", content)
        self.assertNotIn("Open anyone can read", content)


class WaitWordingTests(SimpleTestCase):
    def test_one_minute_is_singular(self):
        self.assertEqual(str(Refusal("Slow down.", retry_after=60)), "Slow down. Try again in 1 minute.")
        self.assertEqual(str(Refusal("Slow down.", retry_after=61)), "Slow down. Try again in 2 minutes.")
