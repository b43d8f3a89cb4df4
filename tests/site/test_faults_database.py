"""The database down (issue 10 point 4): visitors get the site's 503 page, in its layout,
with Retry-After and no traceback, rendered without the database. SimpleTestCase refuses
every database query, so these pages are proven to need none."""

from unittest import mock

from django.conf import settings
from django.db import OperationalError
from django.test import Client, RequestFactory, SimpleTestCase, override_settings

from source4networks.unavailable import server_error, unavailable_page
from tests.quality.vnu import validity_problems
from tests.site.test_error_pages import outline
from tests.site.test_production_settings import production

UNAVAILABLE = ("Sorry, the service is unavailable – Source4Networks", "Sorry, the service is unavailable", True)


@override_settings(ROOT_URLCONF="tests.site.urls_faults")
class DatabaseDownPageTests(SimpleTestCase):
    def setUp(self):
        self.client = Client(raise_request_exception=False)

    def assertUnavailablePage(self, response):
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response["Retry-After"], "30")
        # Never kept by a browser or a CDN (a signed-in visitor's is marked private as well).
        self.assertIn("no-store", [part.strip() for part in response["Cache-Control"].split(",")])
        self.assertNotIn("public", response["Cache-Control"])
        content = response.content.decode()
        self.assertEqual(outline(content), UNAVAILABLE)
        self.assertIn("dist/main.css", content)
        self.assertIn('<a href="/">Go to the home page</a>', content)
        for leak in ("Traceback", "OperationalError", "InterfaceError", "Connection refused", "127.0.0.1"):
            self.assertNotIn(leak, content)

    def test_a_view_meeting_the_outage_answers_the_styled_503(self):
        for url in ("/test-database-down/", "/test-connection-lost/"):
            with self.subTest(url=url), self.assertLogs("source4networks.unavailable", level="ERROR"):
                self.assertUnavailablePage(self.client.get(url))

    def test_signed_in_visitors_get_it_too(self):
        # A session cookie would make the page read the session, were it not rendered bare.
        self.client.cookies[settings.SESSION_COOKIE_NAME] = "a" * 32
        with self.assertLogs("source4networks.unavailable", level="ERROR"):
            self.assertUnavailablePage(self.client.get("/test-database-down/"))

    def test_a_middleware_meeting_the_outage_answers_the_styled_503(self):
        failing_save = mock.patch(
            "django.contrib.sessions.backends.cached_db.SessionStore.save",
            side_effect=OperationalError("server closed the connection unexpectedly"),
        )
        with failing_save, self.assertLogs("django.request", level="ERROR"):
            self.assertUnavailablePage(self.client.get("/test-session-write/"))

    def test_other_failures_keep_the_500_page(self):
        with self.assertLogs("django.request", level="ERROR"):
            response = self.client.get("/test-broken/")
        self.assertEqual(response.status_code, 500)
        self.assertEqual(outline(response.content)[1:], ("Sorry, there is a problem with the service", True))
        self.assertNotIn("Retry-After", response)


class UnavailablePageValidityTests(SimpleTestCase):
    def test_the_503_page_is_valid_html(self):
        self.assertEqual(validity_problems({"503": unavailable_page().content}), [])


class ServerErrorHandlerTests(SimpleTestCase):
    def test_the_handler_tells_the_database_from_other_failures(self):
        request = RequestFactory().get("/")
        try:
            raise OperationalError("the database system is shutting down")
        except OperationalError:
            response = server_error(request)
        self.assertEqual((response.status_code, response["Retry-After"]), (503, "30"))
        try:
            raise KeyError("something else")
        except KeyError:
            self.assertEqual(server_error(request).status_code, 500)


class ProductionSettingsTests(SimpleTestCase):
    def test_workers_reconnect_and_sessions_survive_a_redis_outage(self):
        code = (
            "import source4networks.settings.production as s; "
            "print(s.DATABASES['default']['CONN_HEALTH_CHECKS'], s.SESSION_ENGINE, "
            "s.CACHES['default']['OPTIONS']['IGNORE_EXCEPTIONS'], "
            "s.CACHES['limits']['OPTIONS'].get('IGNORE_EXCEPTIONS', False))"
        )
        result = production(code)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.split(), ["True", "django.contrib.sessions.backends.cached_db", "True", "False"])

    def test_the_outage_middleware_comes_before_anything_that_reads_the_database(self):
        self.assertEqual(
            settings.MIDDLEWARE.index("source4networks.unavailable.DatabaseUnavailableMiddleware"),
            settings.MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware") - 1,
        )
