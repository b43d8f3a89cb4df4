"""While the database cannot be reached, visitors get the site's 503 page ("Sorry, the
service is unavailable") with Retry-After, never a 500 or a traceback. The page is rendered
without the request or any context processor, so nothing on it needs the database (no
session, no user, no menus from pages). Workers reconnect by themselves when the database
returns: CONN_HEALTH_CHECKS checks a kept connection before each request uses it.

A database error can surface in the view, while a template renders (both reach the
middleware's process_exception) or in another middleware, such as the session being saved
on the way out (those reach the 500 handler, server_error below)."""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.defaults import server_error as default_server_error

logger = logging.getLogger(__name__)

DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def unavailable_page():
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # Never held by a browser or a CDN: the site is back as soon as the database is.
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_UNAVAILABLE):
            logger.error("Database unavailable: %s %s answered 503: %s", request.method, request.path, exception)
            return unavailable_page()
        return None


def server_error(request, template_name="500.html"):
    """The 500 handler: the 503 page when the failure was the database, otherwise Django's
    own (templates/500.html). Django calls it while handling the exception, so it is the
    one sys.exc_info() gives."""
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return unavailable_page()
    return default_server_error(request, template_name)
