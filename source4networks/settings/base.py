"""Settings shared by every environment. Everything that differs between machines comes
from environment variables; see the table in README.md."""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # The site and its shared pieces first, then the domain apps in dependency order.
    "source4networks",
    "community.accounts",
    "community.members",
    "community.networks",
    "resources",
    "casestudies",
    "events",
    "community.discussions",
    "diagnostics",
    "demo",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "axes",
    "django_guid",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    # First, so every log line of the request carries its id (source4networks/request_logging.py).
    "django_guid.middleware.guid_middleware",
    "source4networks.request_logging.CurrentRequestMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions: a cached anonymous page skips the rest (source4networks/page_cache.py).
    "source4networks.page_cache.PageCacheMiddleware",
    # Before anything that reads the database (sessions, users): a database outage answers 503.
    "source4networks.unavailable.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "source4networks.middleware.SiteCSPMiddleware",
    # Inside the CSP middleware, so the page it renders gets the policy.
    "source4networks.middleware.MethodNotAllowedPageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "community.accounts.axes.sign_in_hold_middleware",
    # Axes turns a lockout flagged during authentication into its lockout page: keep it last.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "source4networks.urls"
WSGI_APPLICATION = "source4networks.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "source4networks.context_processors.site_chrome",
            ],
        },
    },
]

# SQLite by default so the site runs anywhere with no server; PostgreSQL when DATABASE_URL says so.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # Short timeouts: with Redis gone, a request waits a fraction of a second, not minutes.
    REDIS_OPTIONS = {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5}
    CACHES = {
        # Pages, fragments, allauth's limits and sessions' copies: a Redis outage reads as
        # an empty cache (source4networks/cache.py).
        "default": {
            "BACKEND": "source4networks.cache.OutageTolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "s4n",
            "OPTIONS": {**REDIS_OPTIONS, "IGNORE_EXCEPTIONS": True},
        },
        # The site's rate limits: errors raise, so each limit decides what an outage means
        # (source4networks/ratelimit.py, docs/faults.md).
        "limits": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "s4n",
            "OPTIONS": REDIS_OPTIONS,
        },
    }
else:
    # Both names share one local-memory store (same LOCATION), as they share one Redis.
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "limits": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
# Sessions are kept in the database and copied to the cache: read from Redis when it is
# there, from the database when it is not, so signing in survives a Redis outage.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Anonymous pages kept in the shared cache for this many seconds (0 turns the page cache off),
# purged on publish; a CDN may hold them as long (s-maxage), browsers this long (max-age).
# See docs/caching.md.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
PAGE_CACHE_BROWSER_SECONDS = int(os.environ.get("PAGE_CACHE_BROWSER_SECONDS", "60"))
# Members' and the site's records that anonymous pages show: a save or deletion of one purges
# the page cache (with Wagtail's publishing and its own records, named in page_cache.py). The
# networks directory and network pages, the home page's latest discussions, the filters.
PAGE_CACHE_PURGED_BY = [
    "source4networks.sector",
    "source4networks.region",
    "networks.network",
    "networks.membership",
    "members.profile",
    "discussions.space",
    "discussions.thread",
]
# A caching proxy or CDN in front that takes HTTP PURGE requests: Wagtail purges a page's
# address there when it is published or unpublished (docs/caching.md).
if os.environ.get("FRONTEND_CACHE_URL"):
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_URL"],
        }
    }

# Background work: a database queue processed by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Axes checks for a lockout before any other backend sees the password.
AUTHENTICATION_BACKENDS = [
    # One attempt per account at a time, so axes's lockout holds for guesses sent at once.
    "community.accounts.axes.OneSignInAtATime",
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# Media on an S3-compatible object store when a bucket is named (install the `s3` extra:
# django-storages and boto3); on the local disk under MEDIA_ROOT otherwise. Keys may also come
# from the machine's role or boto3's own variables, so they are optional here.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            # A CDN or public domain in front of the bucket: plain links that caches can hold.
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            # Without a public domain, links are signed (a private bucket works as it is).
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", True),
            # Two uploads with one name never overwrite each other.
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=86400"},
        },
    }
# Django serves MEDIA_URL itself when media are on this machine's disk (source4networks/media.py);
# SERVE_MEDIA=false when a proxy in front serves MEDIA_ROOT instead.
SERVE_MEDIA = env_bool("SERVE_MEDIA", not AWS_STORAGE_BUCKET_NAME)

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Source4Networks <no-reply@source4networks.example>")

# Accounts (django-allauth): members sign in with their email address and must verify it.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "community:account"
LOGOUT_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "community.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_SIGNUP_FORM_CLASS = "community.accounts.signup_form.SignupExtraForm"
# allauth's forms with the NHS service manual's labels and error messages (the "password"
# entries are dotted paths to form classes, not passwords: nosec B105).
ACCOUNT_FORMS = {
    "signup": "community.accounts.forms.SignupForm",
    "login": "community.accounts.forms.LoginForm",
    "reset_password": "community.accounts.forms.ResetPasswordForm",  # nosec B105
    "reset_password_from_key": "community.accounts.forms.ResetPasswordKeyForm",  # nosec B105
    "change_password": "community.accounts.forms.ChangePasswordForm",  # nosec B105
    "set_password": "community.accounts.forms.SetPasswordForm",  # nosec B105
    "add_email": "community.accounts.forms.AddEmailForm",
    "reauthenticate": "community.accounts.forms.ReauthenticateForm",
}
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "website_address"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGOUT_ON_GET = False
# Confirming the address signs the member in, but only in the browser session that signed up
# (allauth checks that the pending sign-in in the session is this address's user); a link opened
# anywhere else still only confirms the address.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Source4Networks: "
# allauth's default rate limits stay on (sign-up, sign-in, failed sign-ins, password reset,
# confirmation emails); they need a real shared cache: Redis in production, local memory here.
# An unknown address asking for a password reset is told nothing (no account enumeration).
ACCOUNT_PREVENT_ENUMERATION = True
# No email to an address that has no account: the address could only be queued as it was
# typed (the task queue keeps ids, never addresses), and sending it during the request
# instead would make the reply slower for unknown addresses than for known ones.
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False

# django-axes: 5 failed sign-ins lock that username out for 15 minutes, on the site and on
# the Wagtail admin. Locking by username alone (not IP) because many NHS staff share one
# outgoing IP address: an IP lock would shut out a whole trust. Floods from one IP are
# slowed by allauth's per-IP sign-in limit.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_USERNAME_FORM_FIELD = "login"
AXES_USERNAME_CALLABLE = "community.accounts.axes.username_from_request"
AXES_LOCKOUT_TEMPLATE = "account/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# axes warns whenever the IP address is not a lockout parameter; leaving it out is the
# deliberate choice explained above.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]


def site_url(value):
    """SITE_URL checked: scheme and host only (`https://networks.example.org`). Wagtail's
    Site record can hold https only on port 443 and http on any other port."""
    parts = urlsplit(value.strip().rstrip("/"))
    if (
        parts.scheme not in {"http", "https"}
        or not parts.hostname
        or parts.path
        or parts.query
        or parts.fragment
        or (parts.scheme == "https" and parts.port not in {None, 443})
        or (parts.scheme == "http" and parts.port == 443)
    ):
        raise ImproperlyConfigured(
            f"SITE_URL must be the site's address, such as https://networks.example.org, not {value!r}."
        )
    return f"{parts.scheme}://{parts.netloc}"


# The site's one public address: every link in an email, the canonical and Open Graph links,
# feeds, sitemap.xml and Wagtail's Site record (source4networks/site_address.py) use it.
SITE_URL = site_url(os.environ.get("SITE_URL", "http://127.0.0.1:8000"))

# Wagtail
WAGTAIL_SITE_NAME = "Source4Networks"
# Links in Wagtail's own emails (workflow and comment notifications).
WAGTAILADMIN_BASE_URL = SITE_URL
# Search: PostgreSQL's full text search (Wagtail's database backend) unless SEARCH_BACKEND names
# an Elasticsearch or OpenSearch cluster at SEARCH_URL (for catalogues past ~200,000 pages;
# install its client, see docs/operations.md, then run `manage.py update_index`).
SEARCH_BACKENDS = {
    "database": "wagtail.search.backends.database",
    "elasticsearch": "wagtail.search.backends.elasticsearch9",
    "elasticsearch9": "wagtail.search.backends.elasticsearch9",
    "elasticsearch8": "wagtail.search.backends.elasticsearch8",
    "elasticsearch7": "wagtail.search.backends.elasticsearch7",
    "opensearch": "wagtail.search.backends.opensearch3",
    "opensearch3": "wagtail.search.backends.opensearch3",
    "opensearch2": "wagtail.search.backends.opensearch2",
}
SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND", "database").strip().lower()
if SEARCH_BACKEND not in SEARCH_BACKENDS:
    raise ImproperlyConfigured(f"SEARCH_BACKEND must be one of {', '.join(SEARCH_BACKENDS)}, not {SEARCH_BACKEND!r}.")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": SEARCH_BACKENDS[SEARCH_BACKEND]}}
if SEARCH_BACKEND != "database":
    if not os.environ.get("SEARCH_URL"):
        raise ImproperlyConfigured(f"SEARCH_URL must be set with SEARCH_BACKEND={SEARCH_BACKEND}.")
    WAGTAILSEARCH_BACKENDS["default"].update(
        {
            "URLS": env_list("SEARCH_URL"),
            "INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "s4n_"),
            "TIMEOUT": 5,
        }
    )
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# The document types the library holds; source4networks/documents.py refuses a file whose
# content is not the type its extension claims.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odp", "ods", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "source4networks.documents.DocumentForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_I18N_ENABLED = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# Autosave off (0): in Wagtail 7.4.4 (no later 7.4 release fixes it) clicking Approve adds the
# approval to the page editor's form, autosave takes that for an edit and posts the form again,
# so the approval reaches the server twice. When the two overlap, the second saves the page as
# it was before the first published it: the workflow ends "approved" and the page stays a
# draft. Autosave on the create view races "Submit" the same way. tests/browser/test_publishing.py
WAGTAIL_AUTOSAVE_INTERVAL = 0
TAGGIT_CASE_INSENSITIVE = True

# Library listings show this many items a page.
LISTING_PAGE_SIZE = 20
# Search queries longer than this are refused with a message (query parsing cost is bounded).
SEARCH_QUERY_MAX_LENGTH = 200

# The benchmark's baseline view at /_bench/baseline/ (bench/README.md); off unless measuring.
BENCH_BASELINE = env_bool("BENCH_BASELINE")

# Content security policy: the public site loads nothing from other origins. No per-request
# nonce, so anonymous pages can be cached: scripts are files, and the one inline script (the
# first line of <body> in templates/base.html) is allowed by its hash, which changes with it.
BODY_CLASS_SCRIPT_HASH = "'sha256-tDOvXJi1PXbg0CWjLCCYSNHRXtps26K4JXkE3M6u/c0='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", BODY_CLASS_SCRIPT_HASH],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# The Wagtail admin uses inline scripts and styles of its own. It loads images from the site
# only (avatars are the admin's default picture, from no avatar service) and frames the site's
# previews and the embeds the public site allows. The dashboard asks no other site for news of
# releases.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "frame-src": CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# A refused form gets the site's page (Django's own renders without the site's layout).
CSRF_FAILURE_VIEW = "source4networks.views.csrf_failure"
# Wagtail's own preview views allow same-origin framing where they need it.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# Each request gets an id, returned as X-Request-ID; an incoming X-Request-ID is kept when it
# is a UUID (a proxy's or load balancer's), so one id follows the request through both logs.
DJANGO_GUID = {
    "GUID_HEADER_NAME": "X-Request-ID",
    "VALIDATE_GUID": True,
    "RETURN_HEADER": True,
    "EXPOSE_HEADER": False,
}

# One line per record, as key=value pairs a log service can read: when, level, logger, the
# request's id and the member's id, then the message. Never a name, email or IP address:
# app code logs ids only.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_context": {"()": "source4networks.request_logging.RequestContextFilter"}},
    "formatters": {
        "structured": {
            "format": "time=%(asctime)s level=%(levelname)s logger=%(name)s "
            "request_id=%(request_id)s user_id=%(user_id)s message=%(message)s",
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["request_context"], "formatter": "structured"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        # One line per task run is noise; failures are still logged.
        "django_tasks": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # It notes every request it gives an id to; only its warnings matter.
        "django_guid": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}
