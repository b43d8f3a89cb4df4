"""Production settings that fail closed: no start without the shared cache or a real email
backend, and the proxy's HTTPS header trusted only when the environment says so."""

import secrets

from django.test import SimpleTestCase

from tests.site.test_security import SHARED_SERVICES, run_python

SHOW = "import source4networks.settings.production as s; print(s.CACHES['default']['BACKEND'], s.EMAIL_BACKEND)"


def production(code=SHOW, **env):
    base = {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "example.org",
        "SITE_URL": "https://example.org",
        **SHARED_SERVICES,
    }
    base.update(env)
    return run_python(["-c", code], **{name: value for name, value in base.items() if value is not None})


class ProductionServicesTests(SimpleTestCase):
    def assertRefuses(self, result, name):
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("ImproperlyConfigured", result.stderr)
        self.assertIn(name, result.stderr)

    def test_refuses_to_start_without_redis(self):
        self.assertRefuses(production(REDIS_URL=None), "REDIS_URL")

    def test_refuses_to_start_without_an_email_backend(self):
        self.assertRefuses(production(EMAIL_BACKEND=None), "EMAIL_BACKEND")

    def test_refuses_email_backends_that_send_nothing(self):
        for backend in ("console", "locmem", "filebased", "dummy"):
            with self.subTest(backend):
                result = production(EMAIL_BACKEND=f"django.core.mail.backends.{backend}.EmailBackend")
                self.assertRefuses(result, "EMAIL_BACKEND")

    def test_starts_with_redis_and_smtp(self):
        result = production()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(
            result.stdout.split(),
            ["source4networks.cache.OutageTolerantRedisCache", "django.core.mail.backends.smtp.EmailBackend"],
        )


class ProxyHeaderTests(SimpleTestCase):
    # A request is taken as HTTPS because of X-Forwarded-Proto only when it is trusted.
    CHECK = (
        "import django; django.setup(); from django.test import RequestFactory; "
        "print(RequestFactory().get('/', HTTP_X_FORWARDED_PROTO='https').is_secure())"
    )

    def run_check(self, **env):
        result = production(self.CHECK, DJANGO_SETTINGS_MODULE="source4networks.settings.production", **env)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout.strip()

    def test_the_header_is_not_trusted_by_default(self):
        self.assertEqual(self.run_check(), "False")
        self.assertEqual(self.run_check(TRUST_PROXY_SSL_HEADER="false"), "False")

    def test_the_header_is_trusted_when_the_environment_says_so(self):
        self.assertEqual(self.run_check(TRUST_PROXY_SSL_HEADER="true"), "True")
