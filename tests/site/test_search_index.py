"""The search index's expression index: the query Wagtail's PostgreSQL search makes can use it,
so a search reads the matching entries, not the whole index table (PITFALLS: 619 ms to 0.1 ms
for a rare word at 20,000 pages)."""

import unittest

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from community.discussions.factories import SpaceFactory
from community.members.factories import make_member
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

    def test_each_searched_model_is_joined_to_its_index_entries_through_an_index(self):
        # Wagtail joins its index rows on `object_id = (pk)::varchar(50)`; each searched table
        # has an index on that expression, so the join reads one row per match, not the table.
        tables = {
            "source4networks_standardpage": "page_ptr_id",
            "resources_resourcepage": "page_ptr_id",
            "casestudies_casestudypage": "page_ptr_id",
            "events_eventpage": "page_ptr_id",
            "networks_network": "id",
            "discussions_thread": "id",
            "discussions_post": "id",
        }
        # Signed in, with a space to read, so that discussions are searched too.
        SpaceFactory()
        self.client.force_login(make_member(username="searcher"))
        searched = " ".join(self.search_sql("quillwort"))
        with connection.cursor() as cursor:
            for table, column in tables.items():
                with self.subTest(table=table):
                    self.assertIn(f'("{table}"."{column}")::varchar(50)', searched)
                    cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = %s", [table])
                    definitions = " ".join(row[0] for row in cursor.fetchall())
                    self.assertIn(f"(({column})::character varying(50))", definitions)
