"""Rough edges a first visitor meets on the discussion pages."""

from .base import DiscussionTestCase


class SpaceKindLabelTests(DiscussionTestCase):
    def test_space_kind_keeps_its_colon(self):
        content = self.client.get("/community/").content.decode()
        self.assertIn("Open: anyone can read, verified members post.", content)
        self.assertNotIn("Open anyone can read", content)
