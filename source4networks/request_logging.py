"""Each log line says which request and which member it belongs to, by id only (never a
name, an email address or an IP address).

django-guid gives every request its id (the incoming X-Request-ID when it is a UUID, else a
new one) and returns it in the X-Request-ID response header. `CurrentRequestMiddleware`
remembers the request being served, and `RequestContextFilter` (on the log handler, see
LOGGING in the settings) adds `request_id` and `user_id` to every record; "-" when there is
none, as in background tasks and management commands."""

import logging
from contextvars import ContextVar

from django_guid import get_guid

current_request = ContextVar("current_request", default=None)


class CurrentRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)


def current_user_id():
    request = current_request.get()
    # Only a user the request has already loaded (Django's AuthenticationMiddleware keeps it in
    # request._cached_user once something asks for request.user): loading it here would query
    # the database from inside logging, and reading the session would add "Vary: Cookie" to
    # responses that never needed it.
    user = getattr(request, "_cached_user", None)
    if user is None or not user.is_authenticated:
        return "-"
    return str(user.pk)


class RequestContextFilter(logging.Filter):
    def filter(self, record):
        record.request_id = get_guid() or "-"
        record.user_id = current_user_id()
        return True
