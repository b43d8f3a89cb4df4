"""Browser tests of the diagnostics against pytest-django's live server, in Debian's Chromium.

The live server needs a transactional database, which is emptied after each test, taking the
rows the migrations made (the page tree, groups, the shipped instruments) with it. So the
database is snapshotted once, before Playwright starts its event loop, and put back before any
test that finds it emptied, and again after the module.
"""

import pytest

BROWSER_DB = pytest.mark.django_db(transaction=True)


def _snapshot():
    from django.db import connection

    return connection.creation.serialize_db_to_string()


def _restore(snapshot):
    import json

    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connection

    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    ContentType.objects.clear_cache()
    # Content types first: building page objects looks theirs up and would create clashing rows.
    objects = json.loads(snapshot)
    objects.sort(key=lambda obj: obj["model"] != "contenttypes.contenttype")
    connection.creation.deserialize_db_from_string(json.dumps(objects))
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(statement)
    ContentType.objects.clear_cache()


@pytest.fixture(scope="session", autouse=True)
def _diagnostics_snapshot(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return _snapshot()


@pytest.fixture(scope="module", autouse=True)
def _restore_after_module(_diagnostics_snapshot, django_db_blocker):
    yield
    with django_db_blocker.unblock():
        _restore(_diagnostics_snapshot)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True, "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def site(live_server, _diagnostics_snapshot):
    """The migrated site, put back if an earlier test emptied the database."""
    from diagnostics.models import Instrument
    from source4networks.models import HomePage

    if not HomePage.objects.exists() or not Instrument.objects.exists():
        _restore(_diagnostics_snapshot)
    return live_server


def sign_in(context, user, url):
    """Give the browser a signed-in session for ``user`` (the sign-in pages are on another branch)."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": url}])
