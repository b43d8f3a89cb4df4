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
"""

import pytest

from tests.page_catalogue import build_catalogue, migrated_snapshot, restore_database

BROWSER_DB = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # axe-core is injected as an inline script, which the site's CSP (script-src 'self'
    # 'nonce-…') would block. Tests that need the real policy make their own context.
    return {**browser_context_args, "bypass_csp": True, "viewport": {"width": 1280, "height": 900}}


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
    """The site as migrated (home page and library sections), restored if an earlier test
    flushed it. For tests that need no content."""
    from source4networks.models import HomePage

    if not HomePage.objects.exists():
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
