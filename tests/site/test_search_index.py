"""The search index's expression index: the query Wagtail's PostgreSQL search makes can use it,
so a search reads the matching entries, not the whole index table (PITFALLS: 619 ms to 0.1 ms
for a rare word at 20,000 pages)."""

import unittest

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from resources.factories import ResourcePageFactory

INDEX = "s4n_search_title_body_gin"


@unittest.skipUnless(connection.vendor == "postgresql", "the index and the query are PostgreSQL's")
class SearchExpressionIndexTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        ResourcePageFactory(title="Quillwort toolkit")
        for n in range(20):
            ResourcePageFactory(title=f"Another guide {n}")

    def search_sql(self, word):
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get("/search/", {"q": word})
        self.assertContains(response, "Quillwort toolkit")
        matching = [query["sql"] for query in captured.captured_queries if "@@" in query["sql"]]
        self.assertTrue(matching, "no full-text query made")
        return matching

    def test_the_search_matches_the_expression_the_index_holds(self):
        # If Wagtail's query changed its expression, the index would no longer serve it.
        expression = '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body") @@'
        for sql in self.search_sql("quillwort"):
            self.assertIn(expression, sql)

    def test_postgresql_answers_that_expression_from_the_index(self):
        with connection.cursor() as cursor:
            # A table this small is read whole unless told otherwise; the question is only
            # whether the index serves the expression.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(
                "EXPLAIN SELECT id FROM wagtailsearch_indexentry "
                "WHERE (title || body) @@ to_tsquery('simple', 'quillwort')"
            )
            plan = "\n".join(row[0] for row in cursor.fetchall())
        self.assertIn(f"Bitmap Index Scan on {INDEX}", plan)
