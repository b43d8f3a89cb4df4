"""Security headers on the public site and the admin, and production settings that refuse
to start without secrets and pass Django's deployment checks."""

import base64
import hashlib
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

from django.test import SimpleTestCase, TestCase

from source4networks.factories import StandardPageFactory, UserFactory, home_page

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def directives(response):
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


class PublicSiteCSPTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.about = StandardPageFactory(title="About", parent=home_page())

    def assertStrictPolicy(self, response):
        policy = directives(response)
        script_src = policy["script-src"]
        self.assertNotIn("'unsafe-inline'", script_src)
        self.assertNotIn("'unsafe-eval'", script_src)
        # No per-request nonce (a cached page would hand one visitor's nonce to everyone):
        # each inline script is allowed by its own hash, and every other script is a file.
        self.assertEqual([value for value in script_src if value.startswith("'nonce-")], [])
        content = response.content.decode()
        scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", content, re.DOTALL)
        inline = [body for attributes, body in scripts if "src=" not in attributes]
        self.assertEqual(len(inline), 1, scripts)
        for body in inline:
            digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            self.assertIn(f"'sha256-{digest}'", script_src)
        for attributes, body in scripts:
            if "src=" in attributes:
                self.assertRegex(attributes, r'src="/static/')
                self.assertEqual(body.strip(), "")
        self.assertEqual(policy["object-src"], ["'none'"])
        self.assertEqual(policy["base-uri"], ["'self'"])
        self.assertNotIn("'unsafe-inline'", policy.get("style-src", []))
        return response["Content-Security-Policy"]

    def test_public_pages_send_a_strict_policy_without_a_nonce(self):
        for url in ["/", self.about.url, "/search/?q=network", "/no-such-page/"]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertIn(response.status_code, (200, 404))
                self.assertStrictPolicy(response)

    def test_the_policy_is_the_same_for_every_response(self):
        # So a page served from a cache still matches its policy.
        first = self.assertStrictPolicy(self.client.get("/"))
        second = self.assertStrictPolicy(self.client.get("/"))
        self.assertEqual(first, second)

    def test_other_security_headers(self):
        response = self.client.get("/")
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(response["Referrer-Policy"], "strict-origin-when-cross-origin")
        self.assertEqual(response["X-Frame-Options"], "DENY")


class AdminCSPTests(TestCase):
    def test_admin_sign_in_gets_the_admin_policy(self):
        response = self.client.get("/admin/login/")
        self.assertEqual(response.status_code, 200)
        self.assertIn("'unsafe-inline'", directives(response)["script-src"])

    def test_signed_in_admin_gets_the_admin_policy(self):
        self.client.force_login(UserFactory(is_superuser=True, is_staff=True))
        response = self.client.get("/admin/")
        self.assertEqual(response.status_code, 200)
        policy = directives(response)
        self.assertIn("'unsafe-inline'", policy["script-src"])
        self.assertIn("'unsafe-inline'", policy["style-src"])
        self.assertEqual(policy["frame-ancestors"], ["'self'"])


# Production also needs the shared cache and a real email backend (see test_production_settings).
SHARED_SERVICES = {
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
}


def run_python(args, **env):
    """Run Python in a clean environment: only what a fresh server would have, plus `env`."""
    clean = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(BASE_DIR), **env}
    return subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, *args], cwd=BASE_DIR, env=clean, capture_output=True, text=True, timeout=120
    )


class ProductionSettingsTests(SimpleTestCase):
    def test_refuses_to_start_without_a_secret_key(self):
        result = run_python(["-c", "import source4networks.settings.production"], ALLOWED_HOSTS="example.org")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("ImproperlyConfigured", result.stderr)
        self.assertIn("SECRET_KEY", result.stderr)

    def test_refuses_to_start_without_allowed_hosts(self):
        result = run_python(["-c", "import source4networks.settings.production"], SECRET_KEY=secrets.token_urlsafe(50))
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("ImproperlyConfigured", result.stderr)
        self.assertIn("ALLOWED_HOSTS", result.stderr)

    def test_starts_with_both(self):
        result = run_python(
            ["-c", "import source4networks.settings.production as s; print(s.DEBUG, s.ALLOWED_HOSTS)"],
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="example.org",
            SITE_URL="https://example.org",
            **SHARED_SERVICES,
        )
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.strip(), "False ['example.org']")

    def test_deployment_checks_pass(self):
        result = run_python(
            ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
            DJANGO_SETTINGS_MODULE="source4networks.settings.production",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="example.org",
            SITE_URL="https://example.org",
            **SHARED_SERVICES,
        )
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("no issues", result.stdout)
