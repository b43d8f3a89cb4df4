"""The benchmark's baseline view: off unless BENCH_BASELINE is set, and then a fixed response
through the whole middleware stack."""

import importlib

from django.test import TestCase, override_settings
from django.urls import clear_url_caches

from source4networks import urls


def reload_urls():
    importlib.reload(urls)
    clear_url_caches()


class BaselineTests(TestCase):
    def test_not_routed_by_default(self):
        self.assertEqual(self.client.get("/_bench/baseline/").status_code, 404)

    def test_a_fixed_response_through_the_middleware_when_on(self):
        try:
            with override_settings(BENCH_BASELINE=True):
                reload_urls()
                response = self.client.get("/_bench/baseline/")
        finally:
            reload_urls()  # with the setting off again
        self.assertContains(response, "benchmark baseline")
        # The middleware ran: security headers and a request id.
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertIn("X-Request-ID", response)
        self.assertEqual(self.client.get("/_bench/baseline/").status_code, 404)
