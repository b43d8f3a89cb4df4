"""Production: everything from the environment. Refuses to start without what a shared,
safe site needs (a secret key, allowed hosts, Redis, a real email backend) rather than
falling back to development defaults that would fail silently."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment for production.")
# Without it every email would point at the development address.
if not os.environ.get("SITE_URL"):  # noqa: F405
    raise ImproperlyConfigured(
        "SITE_URL must be set in the environment for production, e.g. https://networks.example.org."
    )
# Without Redis each app server process would keep its own cache: rate limits and lockouts
# would no longer be shared, and every process would count separately.
if not REDIS_URL:  # noqa: F405
    raise ImproperlyConfigured("REDIS_URL must be set in the environment for production (the shared cache).")
# The base settings fall back to printing emails; in production that loses every email.
DEVELOPMENT_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
}
if not os.environ.get("EMAIL_BACKEND") or EMAIL_BACKEND in DEVELOPMENT_EMAIL_BACKENDS:  # noqa: F405
    raise ImproperlyConfigured(
        "EMAIL_BACKEND must be set in the environment for production to a backend that sends email, "
        "e.g. django.core.mail.backends.smtp.EmailBackend (with EMAIL_HOST and the other EMAIL_ settings)."
    )

DEBUG = False
# Trust X-Forwarded-Proto only when told that a proxy in front sets it and strips it from
# clients' requests; otherwise anyone could make a plain-HTTP request look secure.
if env_bool("TRUST_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
# Cookies only over HTTPS. `make serve` and the tests that run the production stack on plain
# HTTP over loopback turn this off (SECURE_COOKIES=false); a real deployment never should.
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
