"""The search backend is chosen by setting: PostgreSQL full text by default, Elasticsearch or
OpenSearch (Wagtail's own backends) when SEARCH_BACKEND and SEARCH_URL say so."""

import ast
from pathlib import Path

import wagtail
from django.test import SimpleTestCase

from tests.site.test_security import run_python

SHOW = "import source4networks.settings.test as s; print(s.WAGTAILSEARCH_BACKENDS['default'])"


def search_settings(**env):
    return run_python(["-c", SHOW], **env)


class SearchBackendSettingTests(SimpleTestCase):
    def backend(self, **env):
        result = search_settings(**env)
        self.assertEqual(result.returncode, 0, result.stderr)
        return ast.literal_eval(result.stdout)

    def test_postgresql_full_text_by_default(self):
        self.assertEqual(self.backend(), {"BACKEND": "wagtail.search.backends.database"})

    def test_elasticsearch_and_opensearch_are_selectable(self):
        for name, module in [
            ("elasticsearch", "elasticsearch9"),
            ("Elasticsearch8", "elasticsearch8"),
            ("opensearch", "opensearch3"),
            ("opensearch2", "opensearch2"),
        ]:
            with self.subTest(name):
                config = self.backend(SEARCH_BACKEND=name, SEARCH_URL="http://search-1:9200,http://search-2:9200")
                self.assertEqual(config["BACKEND"], f"wagtail.search.backends.{module}")
                self.assertEqual(config["URLS"], ["http://search-1:9200", "http://search-2:9200"])
                self.assertEqual(config["INDEX_PREFIX"], "s4n_")
                # The backend exists in this Wagtail (its client library is installed only when used).
                self.assertTrue((Path(wagtail.__file__).parent / "search" / "backends" / f"{module}.py").exists())

    def test_a_search_cluster_needs_its_address(self):
        result = search_settings(SEARCH_BACKEND="opensearch")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("SEARCH_URL must be set", result.stderr)

    def test_an_unknown_backend_is_refused(self):
        result = search_settings(SEARCH_BACKEND="solr", SEARCH_URL="http://search:8983")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("SEARCH_BACKEND must be one of", result.stderr)
