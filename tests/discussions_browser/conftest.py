"""Browser tests of the discussions: the same live-server set-up as the diagnostics' browser
tests (the migrated database is snapshotted and put back when a test empties it)."""

import pytest

from tests.diagnostics_browser.conftest import _restore, _snapshot, sign_in  # noqa: F401

BROWSER_DB = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="session", autouse=True)
def _discussions_snapshot(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return _snapshot()


@pytest.fixture(scope="module", autouse=True)
def _restore_after_module(_discussions_snapshot, django_db_blocker):
    yield
    with django_db_blocker.unblock():
        _restore(_discussions_snapshot)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True, "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def site(live_server, _discussions_snapshot):
    from source4networks.models import HomePage

    if not HomePage.objects.exists():
        _restore(_discussions_snapshot)
    return live_server
