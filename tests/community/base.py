"""Shared set-up for the members and networks tests."""

import re

from django.core.cache import cache
from django.test import TestCase

LINK = re.compile(r"https?://testserver(/\S+)")


class CommunityTestCase(TestCase):
    def setUp(self):
        super().setUp()
        # allauth's rate limits and our own live in the cache: start each test clean.
        cache.clear()

    def link_in(self, message):
        """The first site link in an email body, as a path the test client can follow."""
        match = LINK.search(message.body)
        self.assertIsNotNone(match, f"No link in: {message.body}")
        return match.group(1)

    def assertFormError_NHS(self, response, field_id, message):
        """The NHS error pattern: 'Error: ' title, the summary linking to the field, the
        message beside the field."""
        content = response.content.decode()
        self.assertIn("<title>Error: ", content)
        self.assertIn("There is a problem", content)
        self.assertIn(f'href="#{field_id}"', content)
        self.assertIn(f'id="{field_id.rsplit("_0", 1)[0] if field_id.endswith("_0") else field_id}-error"', content)
        self.assertIn(message, content)
