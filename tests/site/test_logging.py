"""Application logging: every request has an id (X-Request-ID), and every log record names
its request and its member by id only."""

import logging
import re
import uuid
from unittest import mock

import pytest
from django.db import OperationalError
from django.http import HttpResponse
from django.urls import path

from community.members.factories import make_member
from source4networks.request_logging import RequestContextFilter
from source4networks.urls import urlpatterns as site_urlpatterns

pytestmark = pytest.mark.django_db

HEX_ID = re.compile(r"^[0-9a-f]{32}$")


def member_page_that_logs(request):
    """A view that, like most member pages, looks at the member and then logs something."""
    logging.getLogger("tests.site.test_logging").warning("Something to look into, for member %s", request.user.pk)
    return HttpResponse("ok")


urlpatterns = [path("test-logging/", member_page_that_logs), *site_urlpatterns]


@pytest.fixture
def site_log_format(caplog):
    """caplog's handler, given the filter and the format of the site's own log handler."""
    console = next(handler for handler in logging.getLogger().handlers if handler.get_name() == "console")
    site_filter = next(f for f in console.filters if isinstance(f, RequestContextFilter))
    caplog.handler.addFilter(site_filter)
    caplog.handler.setFormatter(console.formatter)
    yield caplog
    caplog.handler.removeFilter(site_filter)


def test_every_response_has_its_own_request_id(client):
    first = client.get("/robots.txt")["X-Request-ID"]
    second = client.get("/robots.txt")["X-Request-ID"]
    assert HEX_ID.match(first)
    assert HEX_ID.match(second)
    assert first != second


def test_an_incoming_request_id_is_kept(client):
    incoming = uuid.uuid4().hex
    assert client.get("/robots.txt", headers={"X-Request-ID": incoming})["X-Request-ID"] == incoming


@pytest.mark.parametrize("incoming", ["not-an-id", "x" * 500, "1234; DROP TABLE", "<script>"])
def test_an_incoming_request_id_that_is_not_a_uuid_is_replaced(client, incoming):
    given = client.get("/robots.txt", headers={"X-Request-ID": incoming})["X-Request-ID"]
    assert given != incoming
    assert HEX_ID.match(given)


def test_a_log_record_names_the_request_and_the_member_by_id_only(client, settings, site_log_format):
    settings.ROOT_URLCONF = __name__
    member = make_member(username="sam-jones", email="sam.jones@example.org", display_name="Sam Jones")
    client.force_login(member)
    response = client.get("/test-logging/")
    assert response.status_code == 200
    [record] = [r for r in site_log_format.records if r.name == "tests.site.test_logging"]
    assert record.request_id == response["X-Request-ID"]
    assert record.user_id == str(member.pk)
    line = site_log_format.text
    assert f"request_id={response['X-Request-ID']} user_id={member.pk} " in line
    assert "level=WARNING logger=tests.site.test_logging" in line
    for personal in ["sam.jones@example.org", "Sam Jones", member.username, "127.0.0.1"]:
        assert personal not in line


def test_a_visitor_and_work_outside_a_request_have_no_user_id(client, settings, site_log_format):
    settings.ROOT_URLCONF = __name__
    client.get("/test-logging/")
    logging.getLogger("tests.site.test_logging").warning("Outside any request")
    visitor, outside = [r for r in site_log_format.records if r.name == "tests.site.test_logging"]
    assert visitor.user_id == "-"
    assert HEX_ID.match(visitor.request_id)
    assert (outside.request_id, outside.user_id) == ("-", "-")


def test_healthz_logs_the_database_error_it_hides(client, site_log_format):
    failing = mock.MagicMock()
    failing.cursor.return_value.__enter__.return_value.execute.side_effect = OperationalError("server closed")
    with mock.patch("source4networks.views.connection", failing):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert "server closed" not in response.content.decode()
    [record] = [r for r in site_log_format.records if r.name == "source4networks.views"]
    assert record.levelno == logging.ERROR
    assert isinstance(record.exc_info[1], OperationalError)
    assert record.request_id == response["X-Request-ID"]
    assert "server closed" in site_log_format.text
