"""Browser tests: Debian's Chromium (see tests/conftest.py) against pytest-django's live server.

Data. The live server needs a transactional database, which pytest-django flushes after each
test, taking the home page and library sections the migrations made with it. Django's
`serialized_rollback` cannot put them back here: Playwright's sync API runs an asyncio loop
in the test thread, and Django then uses other connection objects, which lack the snapshot
it restores from, so it silently restores nothing. Instead:

- tests are marked `BROWSER_DB` (transactional, and `serialized_rollback=True` only so that
  Django takes a snapshot of the migrated database when it sets the test database up);
- `_migrated_snapshot` picks that snapshot up before Playwright starts;
- `base_site` restores it when a previous test flushed the database, and `catalogue` then
  builds the page catalogue (tests/page_catalogue.py) with the factories;
- after each module the database is restored again, so later tests, and a later run with
  --reuse-db, find the migrated site.

Each test using `catalogue` pays for one build (one to three seconds): keep such tests few
and visit many pages in each.

Signing in. `sign_in(page, user)` signs in through the real form at /accounts/login/ (the
user needs a verified email address: community.members.factories.make_member makes one);
`signed_in_page(user)` gives a new page, in its own browser context, signed in that way.
A member who has not verified their email cannot sign in through the form (verification is
mandatory), so `signed_in_page(user, form=False)` gives such a member a session made with
Django's `force_login` instead.
"""

import re

import pytest

from source4networks.factories import UserFactory
from tests.page_catalogue import build_catalogue, migrated_snapshot, restore_database

BROWSER_DB = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# The password every factory-made user has.
PASSWORD = UserFactory._meta.declarations["password"].default
VIEWPORT = {"width": 1280, "height": 900}
# A failed form submission titles the page "Error: …"; expect(page).to_have_title(ERROR_TITLE)
# waits for the new page to load.
ERROR_TITLE = re.compile(r"^Error: ")


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # axe-core is injected as an inline script, which the site's CSP (script-src 'self' and
    # one script's hash) would block. Tests that need the real policy make their own context.
    return {**browser_context_args, "bypass_csp": True, "viewport": VIEWPORT}


@pytest.fixture(scope="session", autouse=True)
def _migrated_snapshot(django_db_setup, django_db_blocker):
    # Autouse and session-scoped, so it runs before Playwright's fixtures start their loop.
    with django_db_blocker.unblock():
        return migrated_snapshot()


@pytest.fixture(scope="module", autouse=True)
def _leave_database_as_migrated(_migrated_snapshot, django_db_blocker):
    yield
    with django_db_blocker.unblock():
        restore_database(_migrated_snapshot)


@pytest.fixture
def base_site(live_server, _migrated_snapshot):
    """The site as migrated (home page, library sections, the shipped diagnostic instruments),
    restored if an earlier test flushed it. For tests that need no content."""
    from diagnostics.models import Instrument
    from source4networks.models import HomePage

    if not HomePage.objects.exists() or not Instrument.objects.exists():
        restore_database(_migrated_snapshot)


@pytest.fixture
def catalogue(base_site):
    """Every page template's pages, built for this test (the live server sees them: the
    database is transactional)."""
    return build_catalogue()


@pytest.fixture
def site_url(live_server):
    def url(path):
        return f"{live_server.url}{path}"

    return url


def sign_in(page, base_url, user, password=PASSWORD):
    """Sign `user` in through the site's sign-in form, in the page's browser context."""
    page.goto(f"{base_url}/accounts/login/")
    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    assert "/accounts/login/" not in page.url, f"{user.email} could not sign in: {page.title()}"


def force_sign_in(context, base_url, user):
    """Give the context a session for `user` made with Django's force_login (for a member who
    cannot sign in through the form: one who has not verified their email address)."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base_url}])


@pytest.fixture
def signed_in_page(browser, browser_context_args, live_server):
    """signed_in_page(user, form=True): a new page in its own context (with the `page`
    fixture's settings), signed in as `user`. Closed at the end of the test."""
    contexts = []

    def make(user, form=True):
        context = browser.new_context(**browser_context_args)
        contexts.append(context)
        page = context.new_page()
        if form:
            sign_in(page, live_server.url, user)
        else:
            force_sign_in(context, live_server.url, user)
        return page

    yield make
    for context in contexts:
        context.close()
